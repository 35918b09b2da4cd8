// XS0203: a filter name the library does not have; disabled filters are not checked.
function unknown_filter {
  input {
  }

  stack {
    var $a {
      value = "x"|to_uppper // expect error: XS0203
    }

    var $b {
      value = [1, 2]|summ|count // expect error: XS0203
    }

    var $c {
      value = "x"|!not_a_filter|trim
    }

    var $d {
      value = "x"|default:"y" // expect error: XS0203
    }

    var $e {
      value = ["x"]|map:($$|frobnicate) // expect error: XS0203
    }
  }

  response = [$a, $b, $c, $d, $e]
}
