function "f" {
  input {
    int n
  }
  stack {
    var $a {
      value = $input.n + $missing // expect warning: XS0201
    }
    conditional {
      if ($a > 1) {
        var $late {
          value = 1
        }
      }
    }
    var $b {
      value = $late + $input.nope // expect warning: XS0202
    }
  }
  response = $b
}
