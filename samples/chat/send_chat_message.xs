// Chat application (seed: Common Patterns). Run it:
//   ./xs run samples/ --function send_chat_message --input '{"room_id": 1, "content": "  hello  "}' --user 7
function "send_chat_message" {
  input {
    int room_id
    text content filters=trim|max:1000
  }
  stack {
    // Save message
    db.add "message" {
      data = {
        room_id: $input.room_id,
        sender_id: $auth.id,
        content: $input.content,
        created_at: now
      }
    } as $message

    // Broadcast to room
    api.realtime_event {
      channel = "room:" ~ $input.room_id
      event = "new_message"
      data = {
        id: $message.id,
        sender_id: $auth.id,
        content: $input.content,
        created_at: $message.created_at
      }
    }
  }
  response = $message

  test "saves the trimmed message" {
    input = {room_id: "1", content: "  hello  "}
    expect.to_equal ($response.content) { value = "hello" }
    expect.to_equal ($response.room_id) { value = 1 }
    expect.to_not_be_null ($response.id)
  }

  test "rejects a message over 1000 characters" {
    input = {room_id: 1, content: "x"|fill:0:1001|join:""}
    expect.to_throw { exception = "content" }
  }
}
