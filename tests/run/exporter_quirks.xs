// Xano's exporter writes some saved workspaces with \"text\" outside a string and with '$.' for a
// variable it could not name; xs reads the first as the text and the second as null (each with a
// warning from xs check, see tests/check/exporter_quirks.xs).

// run exporter_quirks
// expect {"headers": ["Content-Type: application/json", "Accept: text/plain"], "error": null, "element": [2, 3]}
function exporter_quirks {
  input {
  }

  stack {
    var $headers {
      value = [\"Content-Type: application/json\", \"Accept: text/plain\"]
    }

    var $element {
      value = [1, 2]|map:$$ + 1
    }
  }

  response = {headers: $headers, error: $., element: $element}
}
