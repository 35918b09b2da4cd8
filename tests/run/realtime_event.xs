// api.realtime_event sends {channel, data} (and the seed's `event` name) to a channel that a
// realtime_channel declares: exact names, `*` patterns and nested channels. A channel nothing
// declares, an inactive one, or a channel that is not text fails the run.
realtime_channel "room:*" {
  settings = {presence: true}
}
---
realtime_channel "orders" {
  settings = {nested_channels: true}
}
---
realtime_channel "closed" {
  active = false
}
---
function send_events {
  input {
    int room_id
  }

  stack {
    api.realtime_event {
      channel = "room:" ~ $input.room_id
      event = "new_message"
      data = {id: 1, text: "hi"}
    }

    api.realtime_event {
      channel = "orders"
      data = [1, 2]
      auth_table = "user"
      auth_id = 7
    }

    api.realtime_event {
      channel = "orders/42"
      data = null
    }

    foreach ([1, 2]) {
      each as $admin {
        api.realtime_event {
          channel = "room:admin" ~ $admin
          event = "admin_alert"
          data = $admin
        }
      }
    }
  }

  response = "sent"
}
// run send_events {"room_id": 5}
// expect "sent"
// expect events [{"channel": "room:5", "event": "new_message", "data": {"id": 1, "text": "hi"}}, {"channel": "orders", "event": null, "data": [1, 2]}, {"channel": "orders/42", "event": null, "data": null}, {"channel": "room:admin1", "event": "admin_alert", "data": 1}, {"channel": "room:admin2", "event": "admin_alert", "data": 2}]

function undeclared_channel {
  input {
  }

  stack {
    api.realtime_event {
      channel = "lobby"
      data = 1
    }
  }

  response = null
}
// run undeclared_channel
// expect error standard
// expect message lobby

function inactive_channel {
  input {
  }

  stack {
    api.realtime_event {
      channel = "closed"
      data = 1
    }
  }

  response = null
}
// run inactive_channel
// expect error standard
// expect message closed

function channel_not_text {
  input {
  }

  stack {
    api.realtime_event {
      channel = 42
      data = 1
    }
  }

  response = null
}
// run channel_not_text
// expect error standard
// expect message needs a channel name (text), got int
