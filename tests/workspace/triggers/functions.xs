function write_each {
  input {
  }

  stack {
    db.add item {
      data = {name: "first"}
    } as $added

    db.query audit {
      return = {type: "count"}
    } as $after_add

    db.edit item {
      field_name = "id"
      field_value = $added.id
      data = {name: "renamed", version: 2}
    }

    db.del item {
      field_name = "id"
      field_value = $added.id
    }

    db.add item {
      data = {name: "second"}
    }

    db.truncate item {
      reset = true
    }

    db.query audit {
      sort = {id: "asc"}
      return = {type: "list"}
    } as $audit
  }

  response = {after_add: $after_add, audit: $audit}
}
---
function in_transaction {
  input {
  }

  stack {
    db.transaction {
      stack {
        db.add item {
          data = {name: "inside"}
        }

        db.query audit {
          return = {type: "count"}
        } as $inside
      }
    }

    db.query audit {
      return = {type: "count"}
    } as $after
  }

  response = {inside: $inside, after: $after}
}
---
function rolled_back {
  input {
  }

  stack {
    try_catch {
      try {
        db.transaction {
          stack {
            db.add item {
              data = {name: "never"}
            }

            throw {
              name = "Stop"
              value = "roll back"
            }
          }
        }
      }

      catch {
      }
    }

    db.query audit {
      return = {type: "count"}
    } as $audits

    db.query item {
      return = {type: "count"}
    } as $items
  }

  response = {audits: $audits, items: $items}
}
---
function count_up {
  input {
  }

  stack {
    db.add counter {
      data = {n: 0}
    } as $row

    db.get counter {
      field_value = $row.id
    } as $now
  }

  response = $now.n
}
---
// The row db.add hands back is the one the triggers got: neither side's changes reach the other.
function shared_row {
  input {
  }

  stack {
    db.add note {
      data = {title: "original", tags: ["a"]}
    } as $note

    array.push $note.tags {
      value = "by the writer"
    }

    db.query seen {
      sort = {id: "asc"}
    } as $seen
  }

  response = {note: $note, seen: $seen}
}
