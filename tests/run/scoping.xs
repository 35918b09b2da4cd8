// No block scoping (reference §1): a variable created inside a branch, a loop body, a try,
// a catch or a group is visible after it, and redeclaring a name just reassigns it.
function no_block_scope {
  input {
    int n
  }

  stack {
    conditional {
      if ($input.n > 0) {
        var $from_if {
          value = "if"
        }
      }
    }

    foreach ([1, 2, 3]) {
      each as $item {
        var $last_seen {
          value = $item
        }
      }
    }

    try_catch {
      try {
        var $from_try {
          value = "try"
        }

        throw {
          name = "E"
          value = "x"
        }
      }
      catch {
        var $from_catch {
          value = "catch"
        }
      }
    }

    group {
      stack {
        var $from_group {
          value = "group"
        }
      }
    }

    var $from_group {
      value = $from_group ~ " again"
    }
  }

  response = {
    from_if    : $from_if
    last_seen  : $last_seen
    item       : $item
    from_try   : $from_try
    from_catch : $from_catch
    from_group : $from_group
  }
}
// run no_block_scope {"n": 1}
// expect {"from_if": "if", "last_seen": 3, "item": 3, "from_try": "try", "from_catch": "catch", "from_group": "group again"}
// run no_block_scope {"n": 0}
// expect {"from_if": null, "last_seen": 3, "item": 3, "from_try": "try", "from_catch": "catch", "from_group": "group again"}
