// The seed's chat example, exactly as written.
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
}
