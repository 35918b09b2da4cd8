// Characters XanoScript does not use; each is reported where it stands.
function unknown_characters {
  input {
  }

  stack {
    var $a {
      value = 2 ^ 3 // expect error: XS0104
    }

    var $b {
      value = 1; // expect error: XS0104
    }

    var $c {
      value = "^ and ; inside a string are fine"
    }
  }

  response = $c
}
