// The realistic function of the interpreter benchmark: a loop over orders with a function.run
// per order, conditionals, arithmetic, object building and filters.
function "discount" {
  input {
    decimal total
    text tier
  }
  stack {
    var $rate {
      value = 0
    }
    conditional {
      if ($input.tier == "gold") {
        var.update $rate {
          value = 0.1
        }
      }
      elseif ($input.tier == "silver") {
        var.update $rate {
          value = 0.05
        }
      }
    }
  }
  response = $input.total * $rate
}

function "summarize" {
  input {
    json orders
  }
  stack {
    var $lines {
      value = []
    }
    var $total {
      value = 0
    }
    foreach ($input.orders) {
      each as $o {
        function.run "discount" {
          input = {total: $o.total, tier: $o.tier}
        } as $d
        var $net {
          value = $o.total - $d
        }
        math.add $total {
          value = $net
        }
        array.push $lines {
          value = {id: $o.id, net: $net, label: "order-" ~ $o.id, big: $net > 100}
        }
      }
    }
    var $big {
      value = $lines|filter:$$.big|count
    }
  }
  response = {count: $lines|count, total: $total, big: $big, labels: $lines|map:$$.label|slice:0:3}
}
