// An operator with nothing after it: the next line cannot continue the expression.
function missing_value {
  input {
  }

  stack {
    var $a {
      value = 1 +
    } // expect error: XS0101
  }

  response = $a
}
