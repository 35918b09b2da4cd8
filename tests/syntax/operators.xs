// Operators and their precedence, lowest first: ternary and elvis, ??, ||, &&, comparison
// (and ..), ~, + -, * / %, unary ! and -, postfix.
function operators {
  input {
  }

  stack {
    var $a {
      value = 1 + 2 * 3 - 4 / 2 % 3
    }

    var $b {
      value = (1 + 2) * 3
    }

    var $c {
      value = $a > 1 && $b < 10 || !$a
    }

    var $d {
      value = $a == 1 ? "one" : $a == 2 ? "two" : "many"
    }

    var $e {
      value = $a ?: "fallback"
    }

    var $f {
      value = $missing ?? $other ?? "default"
    }

    var $g {
      value = 1..5
    }

    var $h {
      value = $a === 1 || $a !== "1" && $a != 2
    }

    var $i {
      value = "a" ~ 1 + 2 ~ "b"
    }

    var $j {
      value = -$a - -1
    }

    var $k {
      value = $a >= 1 && $a <= 9 && $a > 0 && $a < 10
    }

    var $l {
      value = $a ?? 0 + 1
    }

    var $m {
      value = !($a > 1)
    }

    var $n {
      value = $a in [1, 2] && $a not in [3]
    }

    var $o {
      value = 1..$a + 1 == $g
    }

    var $p {
      value = "a" ~ "b" == "ab" && !$a == false
    }

    var $q {
      value = -$a * 2 + $b % 4 * -1
    }

    var $r {
      value = $a || $missing ?? "x" ? $a : $b
    }
  }

  response = [$a, $b, $c, $d, $e, $f, $g, $h, $i, $j, $k, $l, $m, $n, $o, $p, $q, $r]
}
