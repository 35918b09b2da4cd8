// The seed's functions run as written against seeded rows: send_chat_message saves a message
// and broadcasts it, notify_user saves a notification, send_to_room checks membership with the
// seed's multi-line where (&& at the start of the next line), update_metrics sums recent orders
// found with now|transform_timestamp:"-1 hour".
realtime_channel "room:*" {
  settings = {presence: true}
}
---
realtime_channel "user:*" {
  settings = {presence: false}
}
---
realtime_channel "dashboard:metrics" {
  settings = {presence: false}
}
---
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
// run send_chat_message {"room_id": "3", "content": "  hello  "}
// user 7
// expect {"id": 1, "created_at": "<any>", "room_id": 3, "sender_id": 7, "content": "hello"}
// expect events [{"channel": "room:3", "event": "new_message", "data": {"id": 1, "sender_id": 7, "content": "hello", "created_at": "<any>"}}]

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
// run notify_user {"user_id": 5, "type": "info", "title": "Hi", "body": "Welcome"}
// expect {"id": 1, "created_at": "<any>", "user_id": 5, "type": "info", "title": "Hi", "body": "Welcome", "data": null, "read": false}
// expect events [{"channel": "user:5", "event": "notification", "data": {"id": 1, "created_at": "<any>", "user_id": 5, "type": "info", "title": "Hi", "body": "Welcome", "data": null, "read": false}}]
// run notify_user {"user_id": 5, "type": "info", "title": "", "body": "Welcome"}
// expect error inputerror
// expect param title

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
// run send_to_room {"room_id": 1, "event": "typing", "data": {"on": true}}
// user 7
// data {"room_member": [{"room_id": 1, "user_id": 7}, {"room_id": 2, "user_id": 8}]}
// expect null
// expect events [{"channel": "room:1", "event": "typing", "data": {"on": true}}]
// run send_to_room {"room_id": 2, "event": "typing", "data": {}}
// user 7
// data {"room_member": [{"room_id": 1, "user_id": 7}, {"room_id": 2, "user_id": 8}]}
// expect error accessdenied
// expect message Not a member of this room
// expect events []

function "update_metrics" {
  stack {
    // Calculate metrics
    db.query "order" {
      where = $db.order.created_at >= now|transform_timestamp:"-1 hour"
    } as $recent_orders

    var $metrics {
      value = {
        orders_last_hour: $recent_orders|count,
        revenue_last_hour: $recent_orders|map:$$.total|sum,
        updated_at: now
      }
    }

    // Push to dashboard subscribers
    api.realtime_event {
      channel = "dashboard:metrics"
      event = "update"
      data = $metrics
    }
  }
  response = $metrics
}
// run update_metrics
// data {"order": [{"id": 1, "total": 10, "created_at": 4102444800000}, {"id": 2, "total": 5.5, "created_at": 4102444800000}, {"id": 3, "total": 100, "created_at": 0}]}
// expect {"orders_last_hour": 2, "revenue_last_hour": 15.5, "updated_at": "<any>"}
// expect events [{"channel": "dashboard:metrics", "event": "update", "data": {"orders_last_hour": 2, "revenue_last_hour": 15.5, "updated_at": "<any>"}}]
