// XS0202: $input.x where the input block declares no x (with a suggestion when close). Xano
// runs it (the value is null), so it is a warning.
function undeclared_input {
  input {
    int user_id
    text name?
  }

  stack {
    var $a {
      value = $input.userid // expect warning: XS0202
    }

    var $b {
      value = $input.name ~ $input.title // expect warning: XS0202
    }

    var $c {
      value = $input.user_id
    }
  }

  response = $input.nme // expect warning: XS0202
}
---
// A construct without an input block is not checked: its inputs are unknown (the seed's
// trigger reads $input.document_id this way).
function no_input_block {
  stack {
    var $a {
      value = $input.anything
    }
  }

  response = $a
}
