// '#' comments are no longer XanoScript: use //.
function hash_comment {
  input {
  }

  # old-style comment // expect error: XS0106
  stack {
    var $a {
      value = "# inside a string is fine"
    }
  }

  response = $a
}
