// XS0218: an `as` target is a variable and is written with $ (`} as $row`): without it the
// result is stored nowhere a learner can find.
function as_without_dollar {
  input {
  }

  stack {
    db.get note {
      field_name = "id"
      field_value = 1
    } as row // expect error: XS0218

    foreach ([1, 2]) {
      each as item { // expect error: XS0218
        debug.log {
          value = $item
        }
      }
    }
  }

  response = $row
}
