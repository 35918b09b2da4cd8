// Bulk statements (add, update, patch, delete: all or none, each returning a count) and
// db.transaction, which rolls back every write of its stack when an error leaves it.
table item {
  schema {
    int id
    text name
    int qty
  }

  index = [
    {type: "primary", field: [{name: "id"}]}
    {type: "btree|unique", field: [{name: "name"}]}
  ]
}
---
function bulk {
  input {
  }

  stack {
    db.bulk.add item {
      items = [{name: "a", qty: 1}, {name: "b", qty: "2"}, {name: "c", qty: 3}]
    } as $added

    db.bulk.update item {
      items = [{id: 1, name: "a", qty: 10}, {id: 2, name: "b2", qty: 20}]
    } as $updated

    db.bulk.patch item {
      items = [{id: 3, qty: 30}]
    } as $patched

    db.query item {
      sort = {id: "asc"}
      output = ["id", "name", "qty"]
    } as $after_writes

    db.bulk.delete item {
      where = $db.item.qty >= 20
    } as $deleted

    db.query item {
      output = ["name"]
    } as $left
  }

  response = {added: $added, updated: $updated, patched: $patched, after_writes: $after_writes, deleted: $deleted, left: $left}
}
// run bulk
// expect {"added": 3, "updated": 2, "patched": 1, "after_writes": [{"id": 1, "name": "a", "qty": 10}, {"id": 2, "name": "b2", "qty": 20}, {"id": 3, "name": "c", "qty": 30}], "deleted": 2, "left": [{"name": "a"}]}

function bulk_all_or_none {
  input {
  }

  stack {
    try_catch {
      try {
        db.bulk.add item {
          items = [{name: "x", qty: 1}, {name: "y", qty: "not a number"}]
        } as $added
      }
      catch {
        var $failure {
          value = $error.code
        }
      }
    }

    db.query item {
      return = {type: "count"}
    } as $count
  }

  response = {failure: $failure, count: $count}
}
// run bulk_all_or_none
// expect {"failure": "ERROR_CODE_INPUT_ERROR", "count": 0}

function transfer {
  input {
    int amount
  }

  stack {
    db.transaction {
      stack {
        db.edit item {
          field_value = 1
          data = {qty: 1 - $input.amount}
        } as $from

        db.edit item {
          field_value = 2
          data = {qty: 5 + $input.amount}
        } as $to

        precondition ($from.qty >= 0) {
          error_type = "badrequest"
          error = "not enough in stock"
        }
      }
    }
  }

  response = "done"
}
// run transfer {"amount": 1}
// data {"item": [{"id": 1, "name": "from", "qty": 1}, {"id": 2, "name": "to", "qty": 5}]}
// expect "done"
// run transfer {"amount": 3}
// data {"item": [{"id": 1, "name": "from", "qty": 1}, {"id": 2, "name": "to", "qty": 5}]}
// expect error badrequest
// expect message not enough in stock

function rolled_back {
  input {
  }

  stack {
    try_catch {
      try {
        db.transaction {
          stack {
            db.add item {
              data = {name: "temporary", qty: 1}
            }

            db.edit item {
              field_value = 1
              data = {qty: 99}
            }

            throw {
              name = "Abort"
              value = "undo everything"
            }
          }
        }
      }
      catch {
        var $message {
          value = $error.message
        }
      }
    }

    db.query item {
      sort = {id: "asc"}
      output = ["name", "qty"]
    } as $rows
  }

  response = {message: $message, rows: $rows}
}
// run rolled_back
// data {"item": [{"id": 1, "name": "kept", "qty": 1}]}
// expect {"message": "undo everything", "rows": [{"name": "kept", "qty": 1}]}

function committed {
  input {
  }

  stack {
    db.transaction {
      stack {
        db.add item {
          data = {name: "stays", qty: 2}
        }
      }
    }

    db.query item {
      return = {type: "count"}
    } as $count
  }

  response = $count
}
// run committed
// data {"item": [{"id": 1, "name": "kept", "qty": 1}]}
// expect 2
