// A """ text block needs a closing """ before the end of the file.
function unterminated_block {
  input {
  }

  stack {
    var $sql {
      value = """ // expect error: XS0102
        SELECT 1
    }
  }

  response = $sql
}
// expect error: XS0103