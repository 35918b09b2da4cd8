// A closing brace with nothing open to close.
function stray {
  input {
  }

  stack {
  }

  response = 1
}
} // expect error: XS0103
