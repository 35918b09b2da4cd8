// Channels for the hub's protocol tests: each setting of protocol §4 on in one channel and off in another.

// Everything on.
realtime_channel "chat:*" {
  active = true
  public_messaging = { active: true, auth: false }
  private_messaging = { active: true, auth: false }
  settings = {
    anonymous_clients: true,
    nested_channels: false,
    message_history: 25,
    auth_channel: true,
    presence: true
  }
}

// Nothing set: the defaults of §4 (no messaging, no anonymous clients, no history, no presence).
realtime_channel "quiet:*" {
  active = true
}

realtime_channel "closed" {
  active = false
  settings = { anonymous_clients: true }
}

// Anonymous clients may join; public messages with auth off; no presence, no history, no auth_channel.
realtime_channel "open:*" {
  public_messaging = { active: true, auth: false }
  private_messaging = { active: false }
  settings = { anonymous_clients: true, presence: false }
}

// Public messaging off, private on (Xano's exported form {auth: true} means on).
realtime_channel "direct:*" {
  public_messaging = { active: false }
  private_messaging = { auth: true }
  settings = { presence: true }
}

// Public messaging that requires authentication.
realtime_channel "members:*" {
  public_messaging = { active: true, auth: true }
  private_messaging = { active: true, auth: true }
  settings = { anonymous_clients: true, message_history: 50 }
}

// nested_channels on: "nest" also governs "nest/42"; "nest/vip" is declared itself and wins.
realtime_channel "nest" {
  public_messaging = { active: true, auth: false }
  settings = { nested_channels: true, anonymous_clients: true }
}

realtime_channel "nest/vip" {
  active = false
}

// nested_channels off: "flat/1" matches nothing.
realtime_channel "flat" {
  public_messaging = { active: true, auth: false }
}

// Longest literal prefix wins: "pre:x:1" is governed by "pre:x:*", which is inactive.
realtime_channel "pre:*" {
  settings = { anonymous_clients: true }
}

realtime_channel "pre:x:*" {
  active = false
}

// Triggers (triggers.xs) listen on these.
realtime_channel "gate:*" {
  public_messaging = { active: true, auth: false }
  settings = { anonymous_clients: true, presence: true }
}

realtime_channel "mod:*" {
  public_messaging = { active: true, auth: false }
  settings = { message_history: 25 }
}

realtime_channel "document:*" {
  public_messaging = { active: true, auth: true }
  settings = { presence: true, message_history: 100 }
}

// Many publishers at once.
realtime_channel "order:*" {
  public_messaging = { active: true, auth: false }
  settings = { message_history: 1000 }
}

// A trigger that takes its time (triggers.xs): earlier messages must not wait for it.
realtime_channel "slow:*" {
  public_messaging = { active: true, auth: false }
}

// Two triggers of one name (Xano names every new trigger channel_trigger): both run.
realtime_channel "twice:*" {
  public_messaging = { active: true, auth: false }
}
