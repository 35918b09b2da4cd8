// Variable paths: $x, $var.x, members, indexes with literals and expressions, numeric members,
// $$, $this, $env system variables, $auth, $input.
function paths {
  input {
    json a
  }

  stack {
    var $x {
      value = $input.a
    }

    var $reads {
      value = [$x, $var.x, $x.y.z, $x[0], $x[0]["k"], $x["k"][1], $x[$index + 1], $x.0.b, $x.items.2, $x[-1]]
    }

    var $elements {
      value = $x|map:$$.total|filter:$this > 1
    }

    var $env_vars {
      value = [$env.$tenant, $env.$remote_ip, $env.$http_headers.host, $env.APP_NAME, $env["APP_NAME"]]
    }

    var $who {
      value = {id: $auth.id, extras: $auth.extras.role}
    }

    var.update $x.y.z {
      value = 1
    }

    var.update $x.items[0] {
      value = 2
    }

    var.update $var.x {
      value = 3
    }
  }

  response = ($x|first).name
}
