// conditional: the first true branch runs (if, then each elseif in order), else otherwise;
// conditions use truthiness and may be written in backticks.
function classify {
  input {
    int n
  }

  stack {
    conditional {
      if ($input.n > 10) {
        var $size {
          value = "big"
        }
      }
      elseif ($input.n > 5) {
        var $size {
          value = "medium"
        }
      }
      elseif (`$input.n > 0`) {
        var $size {
          value = "small"
        }
      }
      else {
        var $size {
          value = "none"
        }
      }
    }

    conditional {
      if ($input.n % 2) {
        var $parity {
          value = "odd"
        }
      }
    }
  }

  response = {size: $size, parity: $parity}
}
// run classify {"n": 11}
// expect {"size": "big", "parity": "odd"}
// run classify {"n": 10}
// expect {"size": "medium", "parity": null}
// run classify {"n": 1}
// expect {"size": "small", "parity": "odd"}
// run classify {"n": -4}
// expect {"size": "none", "parity": null}
