// 'else if' is two words in other languages; XanoScript writes 'elseif'.
function else_if {
  input {
    int n
  }

  stack {
    conditional {
      if ($input.n > 1) {
        var $a {
          value = 1
        }
      }
      else if ($input.n > 0) { // expect error: XS0101
        var $a {
          value = 0
        }
      }
    }
  } // expect error: XS0101
}
