// The channel of the cluster benchmark: public messages between authenticated clients, nothing stored.
realtime_channel "bench:*" {
  active = true
  public_messaging = { active: true, auth: false }
  settings = { message_history: 0, presence: false }
}
