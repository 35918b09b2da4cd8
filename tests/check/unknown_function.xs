// XS0206: function.run of a name no checked file declares (a warning: it may live elsewhere).
function "utils/format" {
  input {
    text value
  }

  stack {
  }

  response = $input.value
}
---
function caller {
  input {
  }

  stack {
    function.run "utils/format" {
      input = {value: "ok"}
    } as $ok

    function.run "utils/fromat" { // expect warning: XS0206
      input = {value: "typo"}
    } as $typo

    function.run "elsewhere" as $missing // expect warning: XS0206
  }

  response = [$ok, $typo, $missing]
}
