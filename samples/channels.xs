// The realtime channels the samples publish to. The first three are the seed's example
// configurations, exactly as written.

// Chat room channel with presence
realtime_channel "room:*" {
  description = "Chat room channels"
  active = true

  public_messaging = { active: true, auth: true }
  private_messaging = { active: true, auth: true }

  settings = {
    anonymous_clients: false,
    nested_channels: false,
    message_history: 100,
    auth_channel: true,
    presence: true
  }
}

// Global announcements (read-only for clients)
realtime_channel "announcements" {
  description = "System-wide announcements"
  active = true

  public_messaging = { active: true, auth: false }
  private_messaging = { active: false, auth: false }

  settings = {
    anonymous_clients: true,
    nested_channels: false,
    message_history: 25,
    auth_channel: false,
    presence: false
  }
}

// User-specific notifications
realtime_channel "user:*" {
  description = "User notification channels"
  active = true

  public_messaging = { active: false, auth: false }
  private_messaging = { active: true, auth: true }

  settings = {
    anonymous_clients: false,
    nested_channels: false,
    message_history: 50,
    auth_channel: true,
    presence: false
  }
}

// Documents edited together: editors send "operation" messages, the document_edit trigger
// applies them and broadcasts the result.
realtime_channel "document:*" {
  description = "Collaborative documents"
  active = true
  public_messaging = { active: true, auth: true }
  private_messaging = { active: false }
  settings = {
    anonymous_clients: false,
    nested_channels: false,
    message_history: 100,
    auth_channel: false,
    presence: true
  }
}

// The live dashboard: anyone may watch, only the server publishes.
realtime_channel "dashboard:metrics" {
  description = "Live dashboard metrics"
  active = true
  public_messaging = { active: false }
  private_messaging = { active: false }
  settings = {
    anonymous_clients: true,
    message_history: 25
  }
}

realtime_channel "global" {
  description = "Broadcast to every connected user"
  public_messaging = { active: false }
  settings = {
    anonymous_clients: false,
    presence: true
  }
}

realtime_channel "orders" {
  description = "New orders"
  settings = {
    message_history: 25
  }
}

realtime_channel "tenant:*" {
  description = "Per-tenant channels, e.g. tenant:acme:orders"
  settings = {
    message_history: 25
  }
}
