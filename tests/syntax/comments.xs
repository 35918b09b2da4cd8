// Comments: own-line, trailing, inside input blocks, attribute blocks, objects and arrays.
// A second own-line comment before the construct.
function comments {
  // before the input block
  input {
    // inside the input block, before a field
    int a // trailing after a field
    text b?=x // trailing after a default
    // last line of the block
  }

  stack {
    // before a statement
    var $x {
      // inside an attribute block
      value = 1 // trailing after an attribute
    } // trailing after a closing brace

    var $o {
      value = {
        // inside an object
        a: 1 // after an entry
        b: 2
      }
    }

    var $l {
      value = [
        1 // after an element
        // between elements
        2
      ]
    }

    conditional {
      // before the if
      if ($x > 0) {
        // inside a branch
        debug.log {
          value = "url: http://example.com/a//b"
        }
      }
      // before the else
      else {
        debug.log {
          value = 'not a // comment either'
        }
      }
    }
  }

  // before the response
  response = $x // trailing after the response
}
// after the construct, at the end of the file
