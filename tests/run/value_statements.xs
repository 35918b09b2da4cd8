// math.*, math.bitwise.*, text.* and object.* statements. The changing ones (math.add,
// text.append, …) update the named variable in place; the asking ones (text.contains, …)
// and object.keys/values/entries give their result to `as`.
function math_statements {
  input {
  }

  stack {
    var $n {
      value = 10
    }

    math.add $n {
      value = 5
    }

    math.sub $n {
      value = 3
    }

    math.mul $n {
      value = 2
    }

    math.div $n {
      value = 4
    }

    var $m {
      value = 17
    }

    math.mod $m {
      value = 5
    }

    var $counter {
      value = {hits: 1}
    }

    math.add $counter.hits {
      value = 1
    }

    math.add $unset {
      value = 3
    }

    var $bits {
      value = 12
    }

    math.bitwise.and $bits {
      value = 10
    }

    var $or {
      value = 12
    }

    math.bitwise.or $or {
      value = 3
    }

    var $xor {
      value = 12
    }

    math.bitwise.xor $xor {
      value = 10
    }
  }

  response = {n: $n, m: $m, counter: $counter, unset: $unset, and: $bits, or: $or, xor: $xor}
}
// run math_statements
// expect {"n": 6, "m": 2, "counter": {"hits": 2}, "unset": 3, "and": 8, "or": 15, "xor": 6}

function math_on_text {
  input {
  }

  stack {
    var $t {
      value = "abc"
    }

    math.add $t {
      value = 1
    }
  }

  response = $t
}
// run math_on_text
// expect error standard
// expect message cannot apply '+'

function divide_by_zero {
  input {
  }

  stack {
    var $n {
      value = 1
    }

    math.div $n {
      value = 0
    }
  }

  response = $n
}
// run divide_by_zero
// expect error standard
// expect message division by zero

function text_statements {
  input {
  }

  stack {
    var $s {
      value = "world"
    }

    text.append $s {
      value = "!"
    }

    text.prepend $s {
      value = "hello "
    }

    var $padded {
      value = "  x  "
    }

    text.trim $padded

    var $left {
      value = "--x--"
    }

    text.ltrim $left {
      value = "-"
    }

    var $right {
      value = "--x--"
    }

    text.rtrim $right {
      value = "-"
    }

    text.contains $s {
      value = "lo w"
    } as $contains

    text.icontains $s {
      value = "HELLO"
    } as $icontains

    text.starts_with $s {
      value = "hello"
    } as $starts

    text.istarts_with $s {
      value = "HELLO"
    } as $istarts

    text.ends_with $s {
      value = "!"
    } as $ends

    text.iends_with $s {
      value = "D!"
    } as $iends

    text.contains $s {
      value = "HELLO"
    } as $case_matters
  }

  response = {s: $s, padded: $padded, left: $left, right: $right, contains: $contains, icontains: $icontains, starts: $starts, istarts: $istarts, ends: $ends, iends: $iends, case_matters: $case_matters}
}
// run text_statements
// expect {"s": "hello world!", "padded": "x", "left": "x--", "right": "--x", "contains": true, "icontains": true, "starts": true, "istarts": true, "ends": true, "iends": true, "case_matters": false}

function object_statements {
  input {
  }

  stack {
    object.keys {
      value = {a: 1, b: 2}
    } as $keys

    object.values {
      value = {a: 1, b: 2}
    } as $values

    object.entries {
      value = {a: 1}
    } as $entries
  }

  response = {keys: $keys, values: $values, entries: $entries}
}
// run object_statements
// expect {"keys": ["a", "b"], "values": [1, 2], "entries": [{"key": "a", "value": 1}]}

function keys_of_list {
  input {
  }

  stack {
    object.keys {
      value = [1, 2]
    } as $keys
  }

  response = $keys
}
// run keys_of_list
// expect error standard
// expect message object.keys needs an object, got array
