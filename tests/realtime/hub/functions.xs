function "emit" {
  input {
    text channel
    text? event
    json? data
  }
  stack {
    api.realtime_event {
      channel = $input.channel
      event = $input.event
      data = $input.data
    }
  }
  response = "ok"
}

function "emit_as" {
  input {
    text channel
    int user
  }
  stack {
    api.realtime_event {
      channel = $input.channel
      data = { from: $input.user }
      auth_table = "user"
      auth_id = $input.user
    }
  }
  response = "ok"
}

function "whoami" {
  stack {
  }
  response = $auth
}

function "fail_notfound" {
  stack {
    precondition (false) {
      error_type = "notfound"
      error = "nothing here"
    }
  }
}

function "sum" {
  input {
    int a
    int b
  }
  stack {
  }
  response = $input.a + $input.b
}

function "echo" {
  stack {
  }
  response = $input
}

function "gate" {
  input {
    bool open
  }
  stack {
    db.add gate {
      data = {open: $input.open}
    }
  }
  response = "ok"
}
