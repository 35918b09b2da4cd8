// Realtime declarations: channels (identifier and quoted pattern names) and triggers in both
// forms: an exported trigger names its channel "<channel id>|<name>"; a hand-written one uses
// just the name.
realtime_channel auctionSession {
  description = "Bids on one auction"
  active = false
  public_messaging = {active: false}
  private_messaging = {active: false}
  settings = {
    anonymous_clients: true
    nested_channels  : true
    message_history  : 0
    auth_channel     : false
    presence         : false
  }
}
---
realtime_channel "room:*" {
  public_messaging = {auth: true}
  private_messaging = {auth: false}
  settings = {anonymous_clients: false, nested_channels: false, message_history: 100, auth_channel: true, presence: true}
}
---
realtime_trigger logIt {
  channel = "72958391331548|auctionSession"
  description = "Exported form"
  active = false

  input {
    enum action {
      values = ["message", "join"]
    }

    text channel
    object client {
      schema {
        json extras
        object permissions {
          schema {
            int dbo_id
            text row_id
          }
        }
      }
    }

    object options {
      schema {
        bool authenticated
        text channel
      }
    }

    json payload
  }

  stack {
    debug.log {
      value = $input.payload
    }
  }

  response = $input.payload
  tags = ["realtime"]
  history = 100
  actions = {message: true, join: true}
  guid = "x9"
}
---
realtime_trigger "room-guard" {
  channel = "room:*"
  actions = {join: true}

  input {
    enum action {
      values = ["message", "join"]
    }

    text channel
    json payload
  }

  stack {
    conditional {
      if ($input.action == "join") {
        api.realtime_event {
          channel = $input.channel
          data = {action: "welcome", payload: $input.payload}
          auth_table = "user"
          auth_id = ""
        }
      }
    }
  }

  response = $input.channel != "room:closed"
}
