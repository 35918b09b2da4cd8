// The seed's functions, exactly as written: update_metrics has no input block, notify_user has
// a nullable json input, send_to_room continues its where clause with && on the next line.
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
