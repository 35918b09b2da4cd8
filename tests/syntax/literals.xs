// Object and array literals: commas or newlines, aligned colons, trailing commas, quoted, dotted
// and numeric keys, nesting, spreads; numbers, booleans, null, now, timestamps.
function literals {
  input {
  }

  stack {
    var $inline {
      value = {a: 1, "b c": 2, "d-e": [1, 2, 3], nested: {x: {y: null}}}
    }

    var $aligned {
      value = {
        car_auction_id: 1
        amount        : 2.5
        "quoted key"  : "v"
      }
    }

    var $trailing {
      value = {
        a: 1,
        b: 2,
      }
    }

    var $mixed {
      value = {a: 1,
        b: 2
        c: 3}
    }

    var $sorted {
      value = {user.created_at: "desc", 1: "one"}
    }

    var $arrays {
      value = [[], [1], [1, 2,], [{a: 1}, {b: 2}]]
    }

    var $lines {
      value = [
        1
        "two"
        {three: 3}
      ]
    }

    var $trailing_array {
      value = [
        1,
        2,
      ]
    }

    var $scalars {
      value = [0, -7, 42, 3.14, -0.5, true, false, null, now, 2025-01-01 09:00:00+0000]
    }

    var $spread {
      value = {...$inline, z: [...$arrays, 4]}
    }

    var $empty {
      value = {}
    }
  }

  response = $inline
}
