// try_catch: catch sees $error {name, code, message, result}; finally always runs (after a
// caught error, after a clean try, and when the catch itself throws); errors inside catch
// propagate; without catch the error goes on after finally.
function catching {
  input {
    text mode
  }

  stack {
    var $trail {
      value = []
    }

    try_catch {
      try {
        array.push $trail {
          value = "try"
        }

        conditional {
          if ($input.mode == "throw") {
            throw {
              name = "PaymentFailed"
              value = "card declined"
              payload = {amount: 5}
            }
          }
          elseif ($input.mode == "precondition") {
            precondition (false) {
              error_type = "notfound"
              error = "no such order"
              payload = {id: 9}
            }
          }
          elseif ($input.mode == "runtime") {
            var $x {
              value = 1 / 0
            }
          }
        }

        array.push $trail {
          value = "after"
        }
      }
      catch {
        array.push $trail {
          value = "catch"
        }

        var $caught {
          value = $error
        }
      }
      finally {
        array.push $trail {
          value = "finally"
        }
      }
    }
  }

  response = {trail: $trail, error: $caught}
}
// run catching {"mode": "none"}
// expect {"trail": ["try", "after", "finally"], "error": null}
// run catching {"mode": "throw"}
// expect {"trail": ["try", "catch", "finally"], "error": {"name": "PaymentFailed", "code": "ERROR_FATAL", "message": "card declined", "result": {"amount": 5}}}
// run catching {"mode": "precondition"}
// expect {"trail": ["try", "catch", "finally"], "error": {"name": "ERROR_CODE_NOT_FOUND", "code": "ERROR_CODE_NOT_FOUND", "message": "no such order", "result": {"id": 9}}}
// run catching {"mode": "runtime"}
// expect {"trail": ["try", "catch", "finally"], "error": {"name": "ERROR_FATAL", "code": "ERROR_FATAL", "message": "division by zero", "result": null}}

function rethrow {
  input {
  }

  stack {
    var $trail {
      value = []
    }

    try_catch {
      try {
        try_catch {
          try {
            throw {
              name = "Inner"
              value = "first"
            }
          }
          catch {
            throw {
              name = "Outer"
              value = "from catch: " ~ $error.message
            }
          }
          finally {
            array.push $trail {
              value = "inner finally"
            }
          }
        }
      }
      catch {
        array.push $trail {
          value = $error.name ~ ": " ~ $error.message
        }
      }
    }
  }

  response = $trail
}
// run rethrow
// expect ["inner finally", "Outer: from catch: first"]

function finally_without_catch {
  input {
  }

  stack {
    try_catch {
      try {
        precondition (false) {
          error_type = "accessdenied"
          error = "no"
        }
      }
      finally {
        debug.log {
          value = "cleanup"
        }
      }
    }
  }

  response = "unreached"
}
// run finally_without_catch
// expect error accessdenied
// expect logs ["cleanup"]
