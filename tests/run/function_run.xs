// function.run calls another function with its input validated as for a direct call; its
// response is the result; errors (including the callee's input errors) pass up to the caller,
// where try_catch can catch them; calls may nest and recurse, but runaway recursion ends in an
// error rather than a crash.
function "math/double" {
  input {
    int n
  }

  stack {
  }

  response = $input.n * 2
}

function "math/quadruple" {
  input {
    int n
  }

  stack {
    function.run "math/double" {
      input = {n: $input.n}
    } as $twice

    function.run "math/double" {
      input = {n: $twice}
    } as $result.value
  }

  response = $result.value
}
// run math/quadruple {"n": "5"}
// expect 20

function caller {
  input {
    json n
  }

  stack {
    function.run "math/double" {
      input = {n: $input.n, ignored: true}
    } as $doubled
  }

  response = $doubled
}
// run caller {"n": 4}
// expect 8
// run caller {"n": "x"}
// expect error inputerror
// expect param n
// expect message n must be an integer
// run caller {"n": null}
// expect error inputerror
// expect param n

function catches_callee {
  input {
  }

  stack {
    try_catch {
      try {
        function.run "math/double" {
          input = {}
        } as $never
      }
      catch {
        var $caught {
          value = {code: $error.code, message: $error.message}
        }
      }
    }
  }

  response = $caught
}
// run catches_callee
// expect {"code": "ERROR_CODE_INPUT_ERROR", "message": "Missing param: n"}

function "thrower/inner" {
  input {
  }

  stack {
    precondition (false) {
      error_type = "notfound"
      error = "inner missing"
    }
  }

  response = null
}

function "thrower/outer" {
  input {
  }

  stack {
    function.run "thrower/inner" as $x
  }

  response = $x
}
// run thrower/outer
// expect error notfound
// expect message inner missing

function "count/down" {
  input {
    int n
  }

  stack {
    conditional {
      if ($input.n <= 0) {
        return {
          value = []
        }
      }
    }

    function.run "count/down" {
      input = {n: $input.n - 1}
    } as $rest
  }

  response = [$input.n]|merge:$rest
}
// run count/down {"n": 3}
// expect [3, 2, 1]

function "forever" {
  input {
  }

  stack {
    function.run "forever" as $x
  }

  response = $x
}
// run forever
// expect error standard
// expect message nested more than

function missing_callee {
  input {
  }

  stack {
    function.run "no/such" as $x
  }

  response = $x
}
// run missing_callee
// expect error standard
// expect message no function named "no/such"
