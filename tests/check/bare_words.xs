// XS0221: a bare word that names a variable is most likely a forgotten $: `response = total`
// is the text "total", `field_value = input.id` a field of the text "input". Table names,
// filter arguments and words that name no variable are words by design.
function bare_words {
  input {
    int id
  }

  stack {
    var $total {
      value = 10
    }

    db.get total {
      field_name = "id"
      field_value = input.id // expect warning: XS0221
    } as $row

    var $sorted {
      value = [3, 1]|sort:total:int:desc
    }

    var $label {
      value = {kind: total, mode: asc} // expect warning: XS0221
    }
  }

  response = total // expect warning: XS0221
}
