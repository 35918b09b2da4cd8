// The seed's statement snippets, exactly as written, each inside a function of its own.
function "event_basic" {
  stack {
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
}

function "public_channel" {
  stack {
    // Global announcements
    api.realtime_event {
      channel = "announcements"
      event = "system_update"
      data = { message: "Maintenance in 10 minutes" }
    }
  }
}

function "user_channel" {
  stack {
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
}

function "resource_channel" {
  stack {
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
}

function "tenant_channel" {
  stack {
    api.realtime_event {
      channel = "tenant:" ~ $env.$tenant ~ ":orders"
      event = "order_created"
      data = $order
    }
  }
}

function "broadcast_all" {
  stack {
    api.realtime_event {
      channel = "global"
      event = "broadcast"
      data = { message: $input.message }
    }
  }
}

function "notify_admins" {
  stack {
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
}

function "room_message" {
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
}
