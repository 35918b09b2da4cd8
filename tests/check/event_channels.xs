// XS0217: an api.realtime_event whose channel no realtime_channel matches (checked when the
// channel is a literal, or starts with a literal prefix).
realtime_channel "room:*" {
  settings = {presence: true}
}
---
realtime_channel "orders" {
  settings = {nested_channels: true}
}
---
function events {
  input {
    int room_id
    text anything
  }

  stack {
    api.realtime_event {
      channel = "room:" ~ $input.room_id
      data = 1
    }

    api.realtime_event {
      channel = "orders"
      data = 2
    }

    api.realtime_event {
      channel = "orders/" ~ $input.room_id
      data = 3
    }

    api.realtime_event {
      channel = $input.anything
      data = 4
    }

    api.realtime_event {
      channel = "lobby" // expect warning: XS0217
      data = 5
    }

    api.realtime_event {
      channel = "chat:" ~ $input.room_id // expect warning: XS0217
      data = 6
    }
  }

  response = null
}
