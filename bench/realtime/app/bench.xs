// The channels of the realtime benchmark (bench/realtime/run.sh): anonymous subscribers, one
// authenticated publisher per channel sending public messages; no presence, no history, no triggers.
realtime_channel "bench:*" {
  active = true
  public_messaging = { active: true, auth: true }
  settings = {
    anonymous_clients: true,
    presence: false,
    message_history: 0
  }
}
