// Object entries on one line need commas. ANTLR's recovery then loses its place: the error at
// the response line is a consequence of the first one.
function objects {
  input {
  }

  stack {
    var $o {
      value = {a: 1 b: 2} // expect error: XS0101
    }
  }

  response = $o // expect error: XS0101
}
