// switch: cases compare with loose ==; a case without `break` falls through into the next
// ones, C-like (the reference marks this [guess: yes, C-like] and xs follows it); default runs
// when nothing matches, and is also reached by falling through.
function word {
  input {
    json n
  }

  stack {
    var $trail {
      value = []
    }

    switch ($input.n) {
      case (1) {
        array.push $trail {
          value = "one"
        }
      } break

      case (2) {
        array.push $trail {
          value = "two"
        }
      }

      case (3) {
        array.push $trail {
          value = "three"
        }
      }
      break

      case (4) {
        array.push $trail {
          value = "four"
        }
      }

      default {
        array.push $trail {
          value = "default"
        }
      }
    }
  }

  response = $trail
}
// run word {"n": 1}
// expect ["one"]
// run word {"n": "1"}
// expect ["one"]
// run word {"n": 2}
// expect ["two", "three"]
// run word {"n": 3}
// expect ["three"]
// run word {"n": 4}
// expect ["four", "default"]
// run word {"n": 9}
// expect ["default"]

function break_inside_case {
  input {
  }

  stack {
    var $seen {
      value = []
    }

    foreach ([1, 2, 3]) {
      each as $i {
        switch ($i) {
          case (2) {
            array.push $seen {
              value = "two"
            }

            break
          }

          default {
            array.push $seen {
              value = $i
            }
          }
        }
      }
    }
  }

  response = $seen
}
// run break_inside_case
// expect [1, "two", 3]
