function "new_order" {
  input {
    decimal total
    text customer_name
  }
  stack {
    db.add "order" {
      data = { total: $input.total, customer_name: $input.customer_name, created_at: now }
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
}

function "alert_admins" {
  input {
    json alert
  }
  stack {
    db.query "admin" {
    } as $admin_users

    var $alert_data {
      value = $input.alert
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
}

function "tenant_order" {
  input {
    json order
  }
  stack {
    var $order {
      value = $input.order
    }

    api.realtime_event {
      channel = "tenant:" ~ $env.$tenant ~ ":orders"
      event = "order_created"
      data = $order
    }
  }
}
