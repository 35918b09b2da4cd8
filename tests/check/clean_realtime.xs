// No false positives for realtime and tests: a trigger may read $channel and $input without
// declaring them (the seed's trigger does), events to declared channels (and their nested
// channels) are fine, test blocks read $response.
realtime_channel "document:*" {
  settings = {nested_channels: true, presence: false, message_history: 25}
}
---
realtime_channel "room" {
  public_messaging = {auth: true}
  settings = {nested_channels: true}
}
---
realtime_trigger "document_edit" {
  channel = "document:*"
  event = "operation"
  stack {
    function.run "apply_document_op" {
      input = {document_id: $input.document_id, operation: $input.operation}
    } as $result

    api.realtime_event {
      channel = $channel
      event = "remote_operation"
      data = {operation: $input.operation, version: $result.version}
    }
  }
}
---
realtime_trigger room_join {
  channel = "12345|room"
  actions = {join: true, message: false}
  input {
    enum action {
      values = ["message", "join"]
    }

    text channel
    json payload
  }

  stack {
    api.realtime_event {
      channel = "room/" ~ $input.payload.id
      data = {joined: $input.channel}
      auth_table = "user"
      auth_id = $auth.id
    }
  }

  response = $input.action == "join"
}
---
function "apply_document_op" {
  input {
    int document_id
    json operation
  }

  stack {
    api.realtime_event {
      channel = "document:" ~ $input.document_id
      data = $input.operation
    }

    api.realtime_event {
      channel = "room"
      data = null
    }

    db.add document_log { // expect note: XS0213
      data = {document_id: $input.document_id}
    }
  }

  response = {version: 1}

  test "returns a version" {
    input = {document_id: 1, operation: {}}
    expect.to_equal ($response.version) {
      value = 1
    }
  }
}
