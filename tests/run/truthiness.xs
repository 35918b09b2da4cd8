// Truthiness (reference §7.4): falsy are null, false, 0, 0.0, "", "0", [] and {}; everything
// else is truthy ("0.0", " ", "false", [0] included). Checked through the ternary, !, and a
// conditional statement.

// eval null ? 1 : 0 => 0
// eval false ? 1 : 0 => 0
// eval 0 ? 1 : 0 => 0
// eval 0.0 ? 1 : 0 => 0
// eval "" ? 1 : 0 => 0
// eval "0" ? 1 : 0 => 0
// eval [] ? 1 : 0 => 0
// eval {} ? 1 : 0 => 0
// eval true ? 1 : 0 => 1
// eval 1 ? 1 : 0 => 1
// eval -1 ? 1 : 0 => 1
// eval 0.1 ? 1 : 0 => 1
// eval "0.0" ? 1 : 0 => 1
// eval " " ? 1 : 0 => 1
// eval "false" ? 1 : 0 => 1
// eval "a" ? 1 : 0 => 1
// eval [0] ? 1 : 0 => 1
// eval {a: null} ? 1 : 0 => 1
// eval !null => true
// eval !"0" => true
// eval !"a" => false
// eval !![] => false
// eval !!{a: 1} => true

function truthy {
  input {
    json? value
  }

  stack {
    conditional {
      if ($input.value) {
        var $result {
          value = "truthy"
        }
      }
      else {
        var $result {
          value = "falsy"
        }
      }
    }
  }

  response = $result
}
// run truthy {"value": "0"}
// expect "falsy"
// run truthy {"value": []}
// expect "falsy"
// run truthy {"value": {}}
// expect "falsy"
// run truthy {"value": 0.0}
// expect "falsy"
// run truthy {"value": null}
// expect "falsy"
// run truthy {"value": "0.0"}
// expect "truthy"
// run truthy {"value": [false]}
// expect "truthy"
// run truthy {"value": "no"}
// expect "truthy"
