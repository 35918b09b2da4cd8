// A filter chain followed by an operator: Xano's editor refuses it ("wrap your filter with
// parentheses", reference §7.3); xs reads it as the parenthesised form and warns (XS0113) with
// that form. Parenthesised filters and backtick text (Xano's expression type) give no warning.
table person {
  schema {
    int id
    text name
  }
}

function filter_before_operator {
  input {
  }

  stack {
    var $list {
      value = [1, 2]
    }

    var $big {
      value = $list|count > 1 // expect warning: XS0113
    }

    var $fine {
      value = ($list|count) > 1
    }

    var $expression {
      value = `$list|count > 1`
    }

    db.query person {
      where = $db.person.name|to_upper == "BOB" // expect warning: XS0113
    } as $bobs

    db.query person {
      where = ($db.person.name|to_upper) == "BOB"
    } as $same
  }

  response = {big: $big, fine: $fine, expression: $expression, bobs: $bobs, same: $same}
}
