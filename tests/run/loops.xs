// foreach over arrays (and an object's values), for (n) counting 0..n-1, while with each;
// break leaves the innermost loop, continue skips to its next turn; the loop list is read
// once, so changing the variable inside the body does not change the iteration.
function loops {
  input {
  }

  stack {
    var $out {
      value = []
    }

    foreach ([1, 2, 3, 4, 5]) {
      each as $n {
        conditional {
          if ($n == 2) {
            continue
          }
        }

        conditional {
          if ($n == 5) {
            break
          }
        }

        array.push $out {
          value = $n
        }
      }
    }

    for (3) {
      each as $i {
        array.push $out {
          value = "for" ~ $i
        }
      }
    }

    var $k {
      value = 0
    }

    while ($k < 10) {
      each {
        math.add $k {
          value = 3
        }
      }
    }

    foreach ({a: "x", b: "y"}) {
      each as $v {
        array.push $out {
          value = $v
        }
      }
    }

    var $list {
      value = [1, 2]
    }

    foreach ($list) {
      each as $item {
        array.push $list {
          value = $item * 10
        }
      }
    }

    foreach (null) {
      each as $never {
        array.push $out {
          value = "never"
        }
      }
    }

    for (0) {
      each as $never2 {
        array.push $out {
          value = "never"
        }
      }
    }
  }

  response = {out: $out, k: $k, list: $list}
}
// run loops
// expect {"out": [1, 3, 4, "for0", "for1", "for2", "x", "y"], "k": 12, "list": [1, 2, 10, 20]}

function nested_loops {
  input {
  }

  stack {
    var $pairs {
      value = []
    }

    foreach ([1, 2, 3]) {
      each as $a {
        foreach ([1, 2, 3]) {
          each as $b {
            conditional {
              if ($b > $a) {
                break
              }
            }

            array.push $pairs {
              value = $a ~ $b
            }
          }
        }
      }
    }
  }

  response = $pairs
}
// run nested_loops
// expect ["11", "21", "22", "31", "32", "33"]

function foreach_text {
  input {
  }

  stack {
    foreach ("abc") {
      each as $c {
        debug.log {
          value = $c
        }
      }
    }
  }

  response = null
}
// run foreach_text
// expect error standard
// expect message foreach needs an array
