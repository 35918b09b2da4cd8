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

function "notify_user" {
  input {
    int user_id
    text type
    text title
    text body
    json? data
  }
  stack {
    // Save notification
    db.add "notification" {
      data = {
        user_id: $input.user_id,
        type: $input.type,
        title: $input.title,
        body: $input.body,
        data: $input.data,
        read: false,
        created_at: now
      }
    } as $notification

    // Push to user
    api.realtime_event {
      channel = "user:" ~ $input.user_id
      event = "notification"
      data = $notification
    }
  }
  response = $notification
}

function "announce" {
  input {
    text message
  }
  stack {
    api.realtime_event {
      channel = "announcements"
      event = "system_update"
      data = { message: $input.message }
    }
  }
  response = "sent"
}

// Validate user can access channel before sending
function "send_to_room" {
  input {
    int room_id
    text event
    json data
  }
  stack {
    // Check membership
    db.query "room_member" {
      where = $db.room_member.room_id == $input.room_id
            && $db.room_member.user_id == $auth.id
      return = { type: "exists" }
    } as $is_member

    precondition ($is_member) {
      error_type = "accessdenied"
      error = "Not a member of this room"
    }

    api.realtime_event {
      channel = "room:" ~ $input.room_id
      event = $input.event
      data = $input.data
    }
  }
}

function "apply_document_op" {
  input {
    int document_id
    json operation
    int user_id
  }
  stack {
    db.get "document" {
      field_name = "id"
      field_value = $input.document_id
    } as $doc

    var $version {
      value = ($doc.version ?? 0) + 1
    }

    conditional {
      if ($doc == null) {
        db.add "document" {
          data = { id: $input.document_id, version: $version }
        } as $doc
      }
      else {
        db.edit "document" {
          field_name = "id"
          field_value = $input.document_id
          data = { version: $version }
        } as $doc
      }
    }
  }
  response = { version: $version }
}

function "to_nowhere" {
  stack {
    api.realtime_event {
      channel = "nowhere:1"
      data = { lost: true }
    }
  }
}
