// Filter chains: arguments are full expressions that stop at the next | or :, a filter binds
// to the operand on its left, chains continue on lines starting with |.
function filters {
  input {
    json orders
  }

  stack {
    var $sum {
      value = $input.orders|map:$$.total|sum
    }

    var $paid {
      value = $input.orders|filter:$$.status == "paid"|count
    }

    var $key {
      value = {}|get:"a" ~ "b"
    }

    var $concat {
      value = $sum ~ $paid|to_upper
    }

    var $args {
      value = "Hello"|concat:"World":" - "|substr:0:5
    }

    var $added {
      value = 1|add:1 + 2
    }

    var $bare {
      value = $input.orders|sort:total:number:true|index_by:status
    }

    var $default {
      value = $input.orders|get:"missing":null
    }

    var $compared {
      value = ($input.orders|count) > 0 && ($sum|to_text) ~ " total" != ""
    }

    var $grouped {
      value = ($input.orders|first).total
    }

    var $wrapped {
      value = {}
        |set:"a":1
        |set:"b":$sum
        |set:"c":$paid
    }

    var $nested {
      value = $input.orders|map:($$.items|map:$$.qty|sum)|sum
    }

    var $reduce {
      value = [1, 2, 3]|reduce:$$ + $result:0
    }

    var $ternary_arg {
      value = [1, 2]|map:($$ > 1 ? "big" : "small")
    }

    var $subjectless {
      value = (|uuid)
    }

    var $time {
      value = now|transform_timestamp:"-1 hour"
    }

    var $negative {
      value = 5|add:-3|multiply:-1
    }

    var $signed {
      value = [-5|abs, - 5|abs, -$negative|abs]
    }
  }

  response = $wrapped
}
