// XS0216: variables the runtime sets ($input, $auth, $env, $db, $this) cannot be assigned.
// $output, $response, $result and $index are ordinary names in a stack (real exports use
// `var $output {…}`, `var $response {…}` and `each as $index`).
function reserved {
  input {
    int n
  }

  stack {
    var $input { // expect error: XS0216
      value = 1
    }

    var.update $auth.id { // expect error: XS0216
      value = 2
    }

    util.get_vars as $env // expect error: XS0216

    foreach ([1, 2]) {
      each as $this { // expect error: XS0216
        debug.log {
          value = $this
        }
      }
    }

    var $output {
      value = {ok: true}
    }

    var.update $output.count {
      value = $input.n
    }

    var $response {
      value = $output
    }

    function.run "reserved" as $result
    foreach ([1, 2]) {
      each as $index {
        debug.log {
          value = $index
        }
      }
    }
  }

  response = $response
}
