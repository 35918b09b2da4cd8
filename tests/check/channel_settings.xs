// XS0208 message_history not a value Xano offers, XS0209 unknown setting or not an object,
// XS0210 a flag that is not true/false.
realtime_channel "room:*" {
  description = "checked settings"
  colour = "red" // expect error: XS0209
  public_messaging = true // expect error: XS0209
  private_messaging = {active: false, anonymous: true} // expect error: XS0209
  settings = {
    anonymous_clients: "yes" // expect error: XS0210
    nested_channels  : 1 // expect error: XS0210
    message_history  : 30 // expect error: XS0208
    auth_channel     : false
    presence         : true
    typing           : true // expect error: XS0209
  }
}
---
realtime_channel lobby {
  active = "no" // expect error: XS0210
  settings = {message_history: 1000}
}
---
realtime_channel "fine" {
  active = false
  public_messaging = {auth: true}
  private_messaging = {active: false}
  settings = {anonymous_clients: true, nested_channels: false, message_history: 250, auth_channel: false, presence: false}
}
