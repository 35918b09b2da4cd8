// XS0201: a variable read but never assigned anywhere in its construct (each name reported
// once, at its first read).
function unassigned {
  input {
  }

  stack {
    var $total {
      value = $count + 1 // expect error: XS0201
    }

    var $again {
      value = $count * 2
    }

    conditional {
      if ($totl > 0) { // expect error: XS0201
        debug.log {
          value = $total
        }
      }
    }

    foreach ([1, 2]) {
      each as $item {
        debug.log {
          value = $itme // expect error: XS0201
        }
      }
    }
  }

  response = $missing_in_response // expect error: XS0201
}
---
function other {
  input {
  }

  stack {
  }

  // Assignments in another construct do not count.
  response = $total // expect error: XS0201
}
