// Control flow: conditional with elseif (own line and same line) and else, switch with cases,
// break and default, foreach/for/while with each, break and continue, try_catch/finally, group.
function control_flow {
  input {
    int n
  }

  stack {
    conditional {
      description = "classify"
      if ($input.n > 10) {
        var $size {
          value = "big"
        }
      }
      elseif ($input.n > 5) {
        var $size {
          value = "medium"
        }
      } elseif (`$input.n > 0`) {
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
      if ($input.n == 1) {
      }
    }

    switch ($input.n) {
      case (1) {
        var $word {
          value = "one"
        }
      } break

      case (2) {
        var $word {
          value = "two"
        }
      }

      case (3) {
        var $word {
          value = "three"
        }
      }
      break

      default {
        var $word {
          value = "many"
        }
      }
    }

    foreach ([1, 2, 3]) {
      each as $item {
        conditional {
          if ($item == 2) {
            continue
          }
        }

        array.push $seen {
          value = $item
        }
      }
    }

    for (3) {
      each as $i {
        break
      }
    }

    while ($input.n < 0) {
      each {
        break
      }
    }

    foreach ($seen) {
      description = "loop with a description"
      each as $x.item {
        debug.log {
          value = $x
        }
      }
    }

    try_catch {
      try {
        throw {
          name = "Oops"
          value = "went wrong"
        }
      }
      catch {
        debug.log {
          value = $error.message
        }
      }
      finally {
        var $cleaned {
          value = true
        }
      }
    }

    try_catch {
      try {
        debug.log {
          value = 1
        }
      } catch {
        debug.log {
          value = 2
        }
      }
    }

    group {
      description = "setup"
      stack {
        var $grouped {
          value = 1
        }
      }
    }

    return {
      value = $size
    }
  }

  response = null
}
