// No false positives for variables: XanoScript has no block scope, so a variable assigned
// anywhere (a loop, a branch, a try, a group, a mutating statement, an `as` path) may be read
// anywhere in its construct; the runtime provides $input, $auth, $env, $error, $$, $this,
// $index, $parent, $result and $output. The note at the end is the file's only diagnostic.
function "clean/variables" {
  input {
    int[] ids
    object address {
      schema {
        text street
      }
    }
  }

  stack {
    foreach ($input.ids) {
      each as $id {
        var $last_id {
          value = $id
        }
      }
    }

    conditional {
      if ($last_id > 0) {
        var $sign {
          value = "positive"
        }
      }
      else {
        var $sign {
          value = "other"
        }
      }
    }

    try_catch {
      try {
        throw {
          name = "Oops"
          value = "failed"
        }
      }
      catch {
        var $caught {
          value = $error.name ~ ": " ~ $error.message
        }
      }
      finally {
        var $finished {
          value = true
        }
      }
    }

    group {
      stack {
        var $grouped {
          value = [$sign, $caught, $finished]
        }
      }
    }

    for (3) {
      each as $i {
        array.push $squares {
          value = $i * $i
        }

        math.add $sum {
          value = $i
        }

        text.append $digits {
          value = $i
        }
      }
    }

    array.pop $squares as $largest
    var.update $config.retries {
      value = 3
    }

    db.query user {
      where = $db.user.id in $input.ids && $db.user.street == $input.address.street
      addon = [{name: "post_count", input: {user_id: $output.id}, as: "posts"}]
    } as $users

    var $derived {
      value = {
        doubled: $input.ids|map:$$ * 2
        firsts : $input.ids|filter:$index == 0
        sized  : $input.ids|map:($parent|count) + $this
        total  : $input.ids|reduce:$result + $$:0
        env    : $env.$tenant ~ $env.APP_NAME
        me     : $auth.id
        tick   : `$sum + 1`
        same   : $var.sum
      }
    }

    array.filter ($input.ids) if ($this > 1) as $big
    util.get_vars as $everything
    function.run "clean/variables" {
      input = {ids: [], address: {street: "x"}}
    } as $nested.result

    db.add audit_log { // expect note: XS0213
      data = {sum: $sum, nested: $nested, big: $big, largest: $largest, config: $config, digits: $digits}
    }
  }

  response = {derived: $derived, grouped: $grouped, users: $users, all: $everything}
}
