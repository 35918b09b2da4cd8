// A string must close on its own line; the error names the quote to add.
function unterminated {
  input {
  }

  stack {
    var $double {
      value = "no closing quote // expect error: XS0102
    }

    var $single {
      value = 'no closing quote either // expect error: XS0102
    }

    var $fine {
      value = "closed" ~ 'closed'
    }
  }

  response = $fine
}
