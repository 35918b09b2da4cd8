// XS0214: an unknown attribute of a statement xs runs is an error once that statement's list
// has passed the sweep of real exports: `db.query note { wher = … }` would return every row.
function unknown_attribute {
  input {
  }

  stack {
    db.query note {
      wher = $db.note.id == 1 // expect error: XS0214
    } as $rows

    db.query note {
      where = $db.note.id == 1
      return = {type: "list"}
    } as $one
  }

  response = [$rows, $one]
}
