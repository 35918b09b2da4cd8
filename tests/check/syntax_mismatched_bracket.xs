// A closer of the wrong kind: reported once, where it stands.
function mismatched {
  input {
  }

  stack {
    var $a {
      value = (1 + 2] // expect error: XS0103
    }

    var $b {
      value = [1, 2)  // expect error: XS0103
    }
  }

  response = $a
}
