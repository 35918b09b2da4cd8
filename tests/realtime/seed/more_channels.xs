// Channels for the seed's other examples (orders, dashboard, tenants, global broadcast).
realtime_channel "orders" {
  settings = { anonymous_clients: true, message_history: 25 }
}

realtime_channel "dashboard:*" {
  settings = { anonymous_clients: true }
}

realtime_channel "tenant:*" {
  settings = { anonymous_clients: false }
}

realtime_channel "global" {
  settings = { anonymous_clients: true }
}
