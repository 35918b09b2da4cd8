// Disabled items: !statement, |!filter, !key: in objects, !attribute and !input fields.
function disabled {
  input {
    int a
    !text old_field
  }

  stack {
    !var $skipped {
      value = 1
    }

    !db.query user {
      where = $db.user.id == 1
    } as $rows

    !conditional {
      if (true) {
        debug.log {
          value = 1
        }
      }
    }

    !foreach ([1, 2]) {
      each as $i {
        debug.log {
          value = $i
        }
      }
    }

    var $kept {
      value = " x "|!trim|to_upper
      !description = "a disabled attribute"
    }

    var $obj {
      value = {a: 1, !b: 2, c: 3}
    }

    var $not {
      value = !$kept
    }

    var $not_literal {
      value = !true
    }
  }

  response = $obj
}
