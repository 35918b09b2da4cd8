// Live dashboard updates (seed: Common Patterns). Run it:
//   ./xs run samples/ --function update_metrics --data samples/data.json
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

  test "counts only the last hour" {
    expect.to_equal ($response.orders_last_hour) { value = 2 }
    expect.to_equal ($response.revenue_last_hour) { value = 200 }
  }
}
