// api.stream sends one value to the client while the stack runs; without a live client (xs run,
// xs test, api.call) the values are kept and the run's response is the list of them, what Xano's
// Run & Debug shows once a stream has ended. util.post_process runs its stack after the response:
// on the variables as they were when it was reached; its logs and errors are reported, not sent.
function "poem/lines" {
  input {
  }

  stack {
    api.stream {
      value = "from the callee"
    }
  }

  response = "the callee's own response"
}

function poem {
  input {
    int count
  }

  stack {
    var $lines {
      value = ["Two roads diverged", "in a yellow wood,", {line: 3, text: "And sorry I could not"}]
    }

    foreach ($lines|slice:0:$input.count) {
      each as $line {
        api.stream {
          value = $line
        }
      }
    }

    function.run "poem/lines" as $ignored
  }

  response = "not the response once it streamed"
}
// run poem {"count": 3}
// expect ["Two roads diverged", "in a yellow wood,", {"line": 3, "text": "And sorry I could not"}, "from the callee"]
// run poem {"count": 0}
// expect ["from the callee"]

function quiet {
  input {
  }

  stack {
    conditional {
      if (false) {
        api.stream {
          value = "never"
        }
      }
    }
  }

  response = "an ordinary response"
}
// run quiet
// expect "an ordinary response"

function stream_then_fail {
  input {
  }

  stack {
    api.stream {
      value = 1
    }

    precondition (false) {
      error_type = "notfound"
      error = "the rest is missing"
    }
  }

  response = null
}
// run stream_then_fail
// expect error notfound
// expect message the rest is missing

function afterwards {
  input {
  }

  stack {
    var $order {
      value = {item: "book"}
    }

    util.post_process {
      stack {
        debug.log {
          value = "post: " ~ $order.item
        }
      }
    }

    var.update $order {
      value = {item: "changed after the statement"}
    }

    debug.log {
      value = "stack: " ~ $order.item
    }
  }

  response = $order.item
}
// run afterwards
// expect "changed after the statement"
// expect logs ["stack: changed after the statement", "util.post_process (tests/run/response_statements.xs:95:5) log: post: book"]

function afterwards_failing {
  input {
  }

  stack {
    util.post_process {
      stack {
        var $x {
          value = 1 / 0
        }
      }
    }
  }

  response = "delivered"
}
// run afterwards_failing
// expect "delivered"
// expect logs ["util.post_process (tests/run/response_statements.xs:123:5) failed at tests/run/response_statements.xs:126:19: division by zero"]
