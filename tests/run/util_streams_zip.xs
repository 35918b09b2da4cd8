// util.geo_distance gives great-circle metres; stream.from_csv reads a file resource or text
// into rows keyed by the header; stream.from_jsonl one value per line; zip.* builds, changes,
// lists and extracts archives (java.util.zip); util.ip_lookup needs a database xs does not ship.
function distances {
  input {
  }

  stack {
    util.geo_distance {
      latitude_1 = 40.71
      longitude_1 = -74.01
      latitude_2 = 34.05
      longitude_2 = -118.24
    } as $nyc_la

    util.geo_distance {
      latitude_1 = 51.5
      longitude_1 = 0
      latitude_2 = 51.5
      longitude_2 = 0
    } as $same
  }

  response = {nyc_la_km: ($nyc_la / 1000)|round, same: $same}
}
// run distances
// expect {"nyc_la_km": 3935, "same": 0.0}

function csv_rows {
  input {
  }

  stack {
    storage.create_file_resource {
      filename = "people.csv"
      filedata = """
        Name;Age;City
        Alice;30;'Sydney; NSW'
        Bob;25;Granville
        """
    } as $file

    stream.from_csv {
      value = $file
      separator = ";"
      enclosure = "'"
      escape_char = "'"
    } as $rows

    var $names {
      value = []
    }

    foreach ($rows) {
      each as $row {
        array.push $names {
          value = $row.Name ~ "@" ~ $row.City
        }
      }
    }

    stream.from_jsonl {
      value = "{\"a\": 1}\n\n[2, 3]\n\"x\""
    } as $lines
  }

  response = {rows: $rows, names: $names, lines: $lines}
}
// run csv_rows
// expect {"rows": [{"Name": "Alice", "Age": "30", "City": "Sydney; NSW"}, {"Name": "Bob", "Age": "25", "City": "Granville"}], "names": ["Alice@Sydney; NSW", "Bob@Granville"], "lines": [{"a": 1}, [2, 3], "x"]}

function archives {
  input {
  }

  stack {
    zip.create_archive {
      filename = "export.zip"
    } as $zip

    storage.create_file_resource {
      filename = "users.json"
      filedata = [{id: 1}]
    } as $users

    storage.create_file_resource {
      filename = "readme.txt"
      filedata = "hello"
    } as $readme

    zip.add_to_archive {
      file = $users
      zip = $zip
    }

    zip.add_to_archive {
      file = $readme
      filename = "docs/readme.txt"
      zip = $zip
    }

    zip.add_to_archive {
      file = "data:text/plain,old"
      filename = "old.txt"
      zip = $zip
    }

    zip.delete_from_archive {
      filename = "old.txt"
      zip = $zip
    }

    zip.view_contents {
      zip = $zip
    } as $contents

    zip.extract {
      zip = $zip
    } as $files
  }

  response = {name: $zip.name, mime: $zip.mime, contents: $contents, files: $files}
}
// run archives
// expect {"name": "export.zip", "mime": "application/zip", "contents": [{"name": "users.json", "size": 10, "is_directory": false}, {"name": "docs/readme.txt", "size": 5, "is_directory": false}], "files": [{"name": "users.json", "size": 10, "mime": "application/json", "data": "[{\"id\":1}]"}, {"name": "docs/readme.txt", "size": 5, "mime": "text/plain", "data": "hello"}]}

function locked {
  input {
  }

  stack {
    zip.create_archive {
      filename = "secret.zip"
      password = "foo"
    } as $zip
  }

  response = $zip
}
// run locked
// expect error standard
// expect message password-protected zip archives are not supported by xs

function not_a_zip {
  input {
  }

  stack {
    zip.extract {
      zip = "data:text/plain,hello"
    } as $files
  }

  response = $files
}
// run not_a_zip
// expect error standard
// expect message is not a zip archive

function where_is {
  input {
  }

  stack {
    util.ip_lookup {
      value = "8.8.8.8"
    } as $where
  }

  response = $where
}
// run where_is
// expect error standard
// expect message util.ip_lookup needs an IP geolocation database
