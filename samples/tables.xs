// The tables behind the samples, with a few rows each (items). samples/data.json adds more
// rows with --data.

table "user" {
  auth = true
  schema {
    int id
    text name
    email email filters=trim|lower
    enum role?="member" {
      values = ["member", "admin"]
    }
    timestamp created_at?=now
  }
  index = [
    {type: "primary", field: [{name: "id"}]}
    {type: "btree|unique", field: [{name: "email"}]}
  ]
  items = [
    {id: 7, name: "Ada", email: "ada@example.com", role: "admin"}
    {id: 8, name: "Grace", email: "grace@example.com", role: "admin"}
    {id: 9, name: "Linus", email: "linus@example.com"}
  ]
}

table "message" {
  schema {
    int id
    int room_id
    int sender_id?
    text content
    timestamp created_at?=now
  }
  index = [
    {type: "btree", field: [{name: "room_id"}]}
  ]
}

table "room_member" {
  schema {
    int id
    int room_id
    int user_id
  }
  index = [
    {type: "btree", field: [{name: "room_id"}]}
  ]
  items = [
    {room_id: 1, user_id: 7}
    {room_id: 1, user_id: 9}
  ]
}

table "order" {
  schema {
    int id
    text customer_name
    decimal total
    timestamp created_at?=now
  }
  items = [
    {customer_name: "Acme", total: 120.50, created_at: now}
    {customer_name: "Globex", total: 79.50, created_at: now}
    {customer_name: "Initech", total: 999.00, created_at: 2020-01-01 09:00:00+0000}
  ]
}

table "notification" {
  schema {
    int id
    int user_id
    text type
    text title
    text body
    json? data
    bool read?=false
    timestamp created_at?=now
  }
  index = [
    {type: "btree", field: [{name: "user_id"}]}
  ]
}

table "document" {
  schema {
    int id
    text title
    text content?=""
    int version?=0
  }
  items = [
    {id: 1, title: "Plan", content: "Hello", version: 0}
  ]
}
