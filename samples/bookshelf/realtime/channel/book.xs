// Readers watching a book see its new reviews as they are posted.
realtime_channel "book:*" {
  active = true
  public_messaging = {active: false}
  private_messaging = {active: false}
  settings = {anonymous_clients: true, nested_channels: false, message_history: 25, auth_channel: false, presence: false}
}
