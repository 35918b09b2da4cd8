function "f" {
  input {
    int n
  }
  stack {
    var $a {
      value = $input.n + $missing // expect error: XS0201
    }
    conditional {
      if ($a > 1) {
        var $late {
          value = 1
        }
      }
    }
    var $b {
      value = $late + $input.nope // expect error: XS0202
    }
  }
  response = $b
}
