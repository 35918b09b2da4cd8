// Xano identifies a realtime trigger by its id and names each new one channel_trigger: a real
// export holds 28 of that name on one channel. Every one of them runs, so a repeated trigger name
// is not a duplicate (a repeated function name still is, see duplicate_names.xs).
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
