// The seed's channel and broadcast patterns, each wrapped in a function that loads what the
// snippet needs. The api.realtime_event blocks are the seed's, exactly as written. Run one:
//   ./xs run samples/ --function alert_admins --data samples/data.json --input '{"message": "Disk almost full"}'

// Public channels: global announcements.
function "announce_maintenance" {
  stack {
    // Global announcements
    api.realtime_event {
      channel = "announcements"
      event = "system_update"
      data = { message: "Maintenance in 10 minutes" }
    }
  }
  response = "announced"
}

// The first example: an event for every new order.
function "announce_order" {
  input {
    int order_id
  }
  stack {
    db.get "order" {
      field_value = $input.order_id
    } as $order

    api.realtime_event {
      channel = "orders"
      event = "new_order"
      data = {
        order_id: $order.id,
        total: $order.total,
        customer: $order.customer_name
      }
    }
  }
  response = $order
}

// User-specific channels: notify one user about a message from another.
function "notify_new_message" {
  input {
    int user_id
    int sender_id
  }
  stack {
    db.get "user" {
      field_value = $input.user_id
    } as $user
    db.get "user" {
      field_value = $input.sender_id
    } as $sender

    // Notify specific user
    api.realtime_event {
      channel = "user:" ~ $user.id
      event = "notification"
      data = {
        title: "New message",
        body: "You have a new message from " ~ $sender.name
      }
    }
  }
  response = "notified"

  test "names the sender" {
    input = {user_id: 9, sender_id: 7}
    expect.to_equal ($response) { value = "notified" }
  }
}

// Resource channels: tell a document's watchers what changed.
function "document_updated" {
  input {
    int document_id
    json changes
  }
  stack {
    db.get "document" {
      field_value = $input.document_id
    } as $document
    var $changes {
      value = $input.changes
    }

    // Update watchers of a document
    api.realtime_event {
      channel = "document:" ~ $document.id
      event = "content_updated"
      data = {
        updated_by: $auth.id,
        updated_at: now,
        changes: $changes
      }
    }
  }
  response = $document
}

// Tenant channels: `./xs run … --env '$tenant=acme'` publishes to tenant:acme:orders.
function "tenant_order_created" {
  input {
    int order_id
  }
  stack {
    db.get "order" {
      field_value = $input.order_id
    } as $order

    api.realtime_event {
      channel = "tenant:" ~ $env.$tenant ~ ":orders"
      event = "order_created"
      data = $order
    }
  }
  response = $order
}

// To all connected users.
function "broadcast" {
  input {
    text message
  }
  stack {
    api.realtime_event {
      channel = "global"
      event = "broadcast"
      data = { message: $input.message }
    }
  }
  response = "sent"
}

// To role-based groups: one event per admin.
function "alert_admins" {
  input {
    text message
  }
  stack {
    db.query "user" {
      where = $db.user.role == "admin"
    } as $admin_users
    var $alert_data {
      value = { message: $input.message, sent_at: now }
    }

    // Notify all admins
    foreach ($admin_users) {
      each as $admin {
        api.realtime_event {
          channel = "user:" ~ $admin.id
          event = "admin_alert"
          data = $alert_data
        }
      }
    }
  }
  response = $admin_users|count

  test "alerts every admin" {
    input = {message: "Disk almost full"}
    expect.to_equal ($response) { value = 2 }
  }
}

// To a room or group.
function "post_to_room" {
  input {
    int room_id
    text message
  }
  stack {
    api.realtime_event {
      channel = "room:" ~ $input.room_id
      event = "message"
      data = {
        sender_id: $auth.id,
        content: $input.message,
        sent_at: now
      }
    }
  }
  response = "posted"
}
