// return ends the stack and replaces the response; precondition throws when its condition is
// falsy, with error_type (default "standard"), error and payload; throw raises a named error
// (uncaught: standard, HTTP 500). Each error type maps to its HTTP body code (reference §9.1).
function early_return {
  input {
    int n
  }

  stack {
    foreach ([1, 2, 3]) {
      each as $i {
        conditional {
          if ($i == $input.n) {
            return {
              value = "found " ~ $i
            }
          }
        }
      }
    }

    var $after {
      value = "not found"
    }
  }

  response = $after
}
// run early_return {"n": 2}
// expect "found 2"
// run early_return {"n": 7}
// expect "not found"

function guarded {
  input {
    text kind
  }

  stack {
    precondition ($input.kind == "ok") {
      error_type = $input.kind
      error = "refused: " ~ $input.kind
      payload = {kind: $input.kind}
    }
  }

  response = "passed"
}
// run guarded {"kind": "ok"}
// expect "passed"
// run guarded {"kind": "inputerror"}
// expect error ERROR_CODE_INPUT_ERROR
// expect message refused: inputerror
// run guarded {"kind": "badrequest"}
// expect error ERROR_CODE_BAD_REQUEST
// run guarded {"kind": "unauthorized"}
// expect error ERROR_CODE_UNAUTHORIZED
// run guarded {"kind": "accessdenied"}
// expect error ERROR_CODE_ACCESS_DENIED
// run guarded {"kind": "notfound"}
// expect error ERROR_CODE_NOT_FOUND
// expect message refused: notfound
// run guarded {"kind": "toomanyrequests"}
// expect error ERROR_CODE_TOO_MANY_REQUESTS
// run guarded {"kind": "standard"}
// expect error ERROR_FATAL
// run guarded {"kind": "NotFound"}
// expect error notfound
// run guarded {"kind": "conflict"}
// expect error standard
// expect message refused: conflict

function bare_precondition {
  input {
  }

  stack {
    precondition (0)
  }

  response = 1
}
// run bare_precondition
// expect error standard
// expect message Precondition failed

function thrower {
  input {
  }

  stack {
    throw {
      name = "PaymentFailed"
      value = "card declined"
    }

    var $unreached {
      value = 1
    }
  }

  response = $unreached
}
// run thrower
// expect error standard
// expect message card declined

function stop_here {
  input {
  }

  stack {
    debug.stop {
      value = "stopped"
    }

    var $unreached {
      value = 1
    }
  }

  response = $unreached
}
// run stop_here
// expect "stopped"
// expect logs ["stopped"]
