// Xano identifies a realtime trigger by its id and names each new one channel_trigger: a real
// export holds 28 of that name on one channel. Every one of them runs, so a repeated trigger name
// is not a duplicate (a repeated function name in one file still is).
realtime_channel "room:*" {
  public_messaging = { active: true, auth: false }
}

realtime_trigger channel_trigger {
  channel = "room:*"
  stack {
    debug.log {
      value = "first"
    }
  }
  actions = {message: true}
}

realtime_trigger channel_trigger {
  channel = "room:*"
  stack {
    debug.log {
      value = "second"
    }
  }
  actions = {join: true}
}

function helper {
  input {
  }
  stack {
  }
  response = 1
}

function helper { // expect error: XS0207
  input {
  }
  stack {
  }
  response = 2
}
