// Literals at run time: C escapes in "…", only \\ and \' in '…', triple-quoted blocks with
// their common indentation removed, backtick and triple-backtick expressions evaluated like
// any expression, object literals with disabled keys, spreads.

// eval "a\tb" => "a\tb"
// eval "q\"q" => "q\"q"
// eval "\x41\101" => "AA"
// eval "back\\slash"|strlen => 10
// eval 'it\'s' => "it's"
// eval 'a\nb'|strlen => 4
// eval `1 + 2` => 3
// eval `"a" ~ "b"` => "ab"
// eval {a: 1, !b: 2, c: 3} => {"a": 1, "c": 3}
// eval {a: 1, "b c": 2, 3: "three"} => {"a": 1, "b c": 2, "3": "three"}
// eval {...{a: 1, b: 2}, b: 3} => {"a": 1, "b": 3}
// eval [...[1, 2], 3, ...[]] => [1, 2, 3]
// eval [-1, -2.5] => [-1, -2.5]
// eval " x "|!trim|to_upper => " X "
// eval 2025-01-15 10:30:00+0000 => 1736937000000
// eval now > 1736937000000 => true

function blocks {
  input {
  }

  stack {
    var $sql {
      value = """
        SELECT *
          FROM user
        """
    }

    var $quoted {
      value = '''
        it's "fine"
        '''
    }

    var $n {
      value = 4
    }

    var $size {
      value = ```
        $n > 3
          ? "big"
          : "small"
        ```
    }

    !var $n {
      value = 100
    }

    !math.add $n {
      value = 100
    }
  }

  response = {sql: $sql, quoted: $quoted, size: $size, n: $n}
}
// run blocks
// expect {"sql": "SELECT *\n  FROM user", "quoted": "it's \"fine\"", "size": "big", "n": 4}
