// A block left open is reported at the end of the file, naming the block and where it opened.
function unclosed {
  input {
  }

  stack {
    conditional {
      if (true) {
        var $a {
          value = 1
        }
      }
  }

  response = $a
}
// expect error: XS0103