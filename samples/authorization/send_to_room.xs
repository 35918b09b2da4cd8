// Authorization pattern (seed: Subscription Management). Run it as a member of room 1:
//   ./xs run samples/ --function send_to_room --data samples/data.json --user 7 --input '{"room_id": 1, "event": "typing", "data": {"typing": true}}'
// and as a stranger (user 8 is not in room 1), which fails with 403:
//   ./xs run samples/ --function send_to_room --data samples/data.json --user 8 --input '{"room_id": 1, "event": "typing", "data": {}}'
function "send_to_room" {
  input {
    int room_id
    text event
    json data
  }
  stack {
    // Check membership
    db.query "room_member" {
      where = $db.room_member.room_id == $input.room_id
            && $db.room_member.user_id == $auth.id
      return = { type: "exists" }
    } as $is_member

    precondition ($is_member) {
      error_type = "accessdenied"
      error = "Not a member of this room"
    }

    api.realtime_event {
      channel = "room:" ~ $input.room_id
      event = $input.event
      data = $input.data
    }
  }

  test "anonymous callers are not members" {
    input = {room_id: 1, event: "typing", data: {}}
    expect.to_throw { exception = "Not a member of this room" }
  }
}
