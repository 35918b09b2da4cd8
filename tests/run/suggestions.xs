// Runtime errors for unknown names suggest the nearest one, as xs check does.
function greet {
  input {
    text name
  }

  stack {
  }

  response = "hi " ~ $input.name
}
---
function calls_typo {
  input {
  }

  stack {
    function.run "gret" {
      input = {name: "a"}
    } as $x
  }

  response = $x
}
// run calls_typo
// expect error standard
// expect message no function named "gret" (did you mean 'greet'?)
// eval "a"|to_uper => error unknown filter 'to_uper' (did you mean 'to_upper'?)
