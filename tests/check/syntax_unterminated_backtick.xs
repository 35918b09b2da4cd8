// A backtick expression without its closing backtick runs to the end of the file, so the
// blocks around it are left open too.
function unterminated_backtick {
  input {
  }

  stack {
    var $a {
      value = `1 + 2 // expect error: XS0102
    }
  }

  response = $a
}
// expect error: XS0103