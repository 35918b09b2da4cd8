// Backtick expressions that do not read as expressions: xs keeps them (as null or as text)
// and warns.
function backticks {
  input {
  }

  stack {
    var $empty {
      value = `` // expect warning: XS0111
    }

    var $broken {
      value = `1 +* 2` // expect warning: XS0111
    }

    var $fine {
      value = `$empty == null`
    }
  }

  response = $fine
}
