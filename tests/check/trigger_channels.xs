// XS0211: a realtime_trigger on a channel no realtime_channel declares never fires; XS0215: a
// trigger without a channel. Exported "<id>|<name>" channels match on the name.
realtime_channel "chat" {
  settings = {nested_channels: true}
}
---
realtime_channel "room:*" {
  settings = {presence: true}
}
---
realtime_trigger on_chat {
  channel = "48213|chat"
  input {
  }
  stack {
  }
  response = null
}
---
realtime_trigger on_sub_chat {
  channel = "chat/42"
  input {
  }
  stack {
  }
  response = null
}
---
realtime_trigger on_room {
  channel = "room:*"
  input {
  }
  stack {
  }
  response = null
}
---
realtime_trigger on_lobby {
  channel = "lobby" // expect warning: XS0211
  input {
  }
  stack {
  }
  response = null
}
---
realtime_trigger nowhere { // expect error: XS0215
  input {
  }
  stack {
  }
  response = null
}
