// Notification system (seed: Common Patterns). Run it:
//   ./xs run samples/ --function notify_user --input '{"user_id": 9, "type": "mention", "title": "New message", "body": "Ada mentioned you"}'
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

  test "stores an unread notification" {
    input = {user_id: 9, type: "mention", title: "Hi", body: "Ada mentioned you"}
    expect.to_equal ($response.user_id) { value = 9 }
    expect.to_be_false ($response.read)
    expect.to_be_null ($response.data)
  }

  test "needs a user id" {
    input = {type: "mention", title: "Hi", body: "x"}
    expect.to_throw { exception = "user_id" }
  }
}
