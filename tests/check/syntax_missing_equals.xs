// An attribute is written name = value; without '=' the parser says what it guesses.
function missing_equals {
  input {
  }

  stack {
    var $a {
      value 1 // expect error: XS0101
    }
  }

  response = $a
}
