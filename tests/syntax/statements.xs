// The generic statement shape: name, positional argument, `if (...)`, attribute block, `as`
// target (incl. a path and result filters); blocks omitted; one-line attribute blocks.
function statements {
  input {
    json list
  }

  stack {
    util.get_vars as $all
    function.run "utils/format" as $formatted
    function.run "utils/format" {
      input = {value: 1}
    } as $result.formatted

    array.find $input.list if ($this > 18) as $adult
    array.filter ($input.list) if ($this.active == true) as $active
    array.map ($input.list) {
      by = $this.email
    } as $emails

    var $counter {
      value = 0
    }

    math.add $counter {
      value = 1
    }

    text.append $name {
      value = "!"
    }

    debug.log { value = 1 }

    db.query user {
      return = {type: "list"}
    } as $ids|get:"id":[]

    db.transaction {
      stack {
        db.add user {
          data = {name: "x"}
        } as $u
      }
    }

    api.realtime_event {
      channel = "room:" ~ $input.list.0
      data = {x: 1}
    }

    security.create_uuid as $id
    debug.stop {
      value = $id
    }
  }

  response = $all
}
