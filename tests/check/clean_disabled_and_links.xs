// No false positives: disabled code (a disabled statement and everything in it, a disabled
// filter's arguments, a disabled object entry or attribute) is not checked because it never
// runs; an input block with a dblink brings in a table's columns, so $input may read names
// it does not list; a where clause may apply the database's filters to a value.
function "clean/disabled" {
  input {
    int id
  }

  stack {
    !db.get user {
      field_name = "email"
      field_value = $input.email
    } as $old

    !conditional {
      if ($never_set) {
        frobnicate.now {
          value = $input.nope|no_such_filter
        }
      }
    }

    var $kept {
      value = {}|!set:"name":$input.name|set:"id":$input.id
      !description = $input.described
    }

    var $obj {
      value = {a: 1, !b: $input.gone}
    }

    db.query post {
      where = $db.post.created_at < ("now"|timestamp_add_days:-14) && ($db.post.title|to_lower) != ""
    } as $recent

    db.add audit_log { // expect note: XS0213
      data = {kept: $kept, obj: $obj, recent: $recent}
    }
  }

  response = $kept
}
---
query "association/project/{project_id}/people" verb=POST {
  input {
    dblink {
      table = "project_person_association"
    }
  }

  stack {
    var $row {
      value = {project_id: $input.project_id, person_id: $input.person_id}
    }
  }

  response = $row
}
