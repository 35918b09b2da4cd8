// Xano's form: runs before a join takes effect; false refuses it.
realtime_trigger gatekeeper {
  channel = "12345|gate:*"
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
    precondition ($input.client.permissions.row_id != "66") {
      error = "user 66 breaks the gate"
    }
  }
  response = $input.client.permissions.row_id != "13" && $channel == $input.channel
  actions = {join: true}
}

// Xano's form on messages: emits an event first, suppresses "bad", fails on "boom".
realtime_trigger moderator {
  channel = "mod:*"
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
    precondition ($input.payload.text != "boom") {
      error = "boom is not allowed"
    }
    api.realtime_event {
      channel = $channel
      event = "seen"
      data = { text: $input.payload.text, by: $auth.id, action: $input.action }
    }
  }
  response = $input.payload.text != "bad"
  actions = {message: true}
}

// The seed's form.
realtime_trigger "document_edit" {
  channel = "document:*"
  event = "operation"
  stack {
    api.realtime_event {
      channel = $channel
      event = "remote_operation"
      data = {
        operation: $input.operation,
        user_id: $auth.id,
        channel: $channel
      }
    }
  }
}

realtime_trigger "slow_op" {
  channel = "slow:*"
  event = "maybe_slow"
  stack {
    conditional {
      if ($input.slow) {
        // Held until the test opens the gate (a gate row with open = true), or the run's time limit.
        var $open { value = false }
        while ($open == false) {
          each {
            db.has gate {
              field_name = "open"
              field_value = true
            } as $open
            util.sleep {
              value = 0.02
            }
          }
        }
      }
    }
  }
}

// Two triggers with one name on one channel, as real exports hold them: both run, in load order.
realtime_trigger channel_trigger {
  channel = "twice:*"
  stack {
    api.realtime_event {
      channel = $channel
      event = "first"
      data = { text: $input.payload.text }
    }
  }
  actions = {message: true}
}

realtime_trigger channel_trigger {
  channel = "twice:*"
  stack {
    api.realtime_event {
      channel = $channel
      event = "second"
      data = { text: $input.payload.text }
    }
  }
  actions = {message: true}
}
