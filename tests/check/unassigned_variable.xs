// XS0201: a variable read but never assigned anywhere in its construct (each name reported
// once, at its first read). Xano runs such a read (the value is null), so it is a warning.
function unassigned {
  input {
  }

  stack {
    var $total {
      value = $count + 1 // expect warning: XS0201
    }

    var $again {
      value = $count * 2
    }

    conditional {
      if ($totl > 0) { // expect warning: XS0201
        debug.log {
          value = $total
        }
      }
    }

    foreach ([1, 2]) {
      each as $item {
        debug.log {
          value = $itme // expect warning: XS0201
        }
      }
    }
  }

  response = $missing_in_response // expect warning: XS0201
}
---
function other {
  input {
  }

  stack {
  }

  // Assignments in another construct do not count.
  response = $total // expect warning: XS0201
}
