// A stack holds statements only: attributes and declaration blocks belong to the construct.
function misplaced {
  input {
  }

  stack {
    value = 1 // expect error: XS0109
    var $a {
      value = 1
    }

    input { // expect error: XS0109
    }

    conditional {
      if (true) {
        response = $a // expect error: XS0109
      }
    }
  }

  response = $a
}
