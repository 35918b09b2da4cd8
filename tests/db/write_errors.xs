// What a write refuses: a value of the wrong type (an inputerror naming the field), a duplicate
// in a unique index (the message names the index and the value), and reading an unknown table.
// Tables are lenient otherwise (xs.db's documented choice): an omitted column is null (or its
// default) and a column the table does not declare is dropped. A table that is not declared
// is created on first write, with an id and created_at (xs check notes it).
table account {
  schema {
    int id
    email email
    int age
    bool verified?=false
    enum plan?="free" {
      values = ["free", "pro"]
    }
    timestamp? last_seen
  }

  index = [
    {type: "primary", field: [{name: "id"}]}
    {type: "btree|unique", field: [{name: "email"}]}
  ]
}
---
function add_account {
  input {
    json data
  }

  stack {
    db.add account {
      data = $input.data
    } as $row
  }

  response = $row|unset:"id"
}
// run add_account {"data": {"email": "a@x.io", "age": "30", "plan": "pro", "last_seen": "2025-01-15 10:30:00"}}
// expect {"email": "a@x.io", "age": 30, "verified": false, "plan": "pro", "last_seen": 1736937000000}
// run add_account {"data": {"email": "a@x.io", "age": "thirty"}}
// expect error inputerror
// expect param age
// run add_account {"data": {"email": "not-an-email", "age": 1}}
// expect error inputerror
// expect param email
// run add_account {"data": {"email": "a@x.io", "age": 1, "plan": "gold"}}
// expect error inputerror
// expect param plan
// run add_account {"data": {"email": "a@x.io", "age": 1, "verified": "maybe"}}
// expect error inputerror
// expect param verified
// run add_account {"data": {"age": 1}}
// expect {"email": null, "age": 1, "verified": false, "plan": "free", "last_seen": null}
// run add_account {"data": {"email": "dup@x.io", "age": 1}}
// data {"account": [{"id": 1, "email": "dup@x.io", "age": 5}]}
// expect error badrequest
// expect message dup@x.io
// run add_account {"data": {"email": "b@x.io", "age": 1, "colour": "red"}}
// expect {"email": "b@x.io", "age": 1, "verified": false, "plan": "free", "last_seen": null}
// run add_account {"data": {"email": "a@x.io", "age": "thirty"}}
// expect error inputerror
// expect message value "thirty" is not a valid int for age in table account

function edit_to_duplicate {
  input {
  }

  stack {
    db.edit account {
      field_value = 2
      data = {email: "first@x.io"}
    } as $row
  }

  response = $row
}
// run edit_to_duplicate
// data {"account": [{"id": 1, "email": "first@x.io", "age": 5}, {"id": 2, "email": "second@x.io", "age": 6}]}
// expect error badrequest
// expect message first@x.io

function unknown_table {
  input {
  }

  stack {
    db.get nowhere {
      field_value = 1
    } as $row
  }

  response = $row
}
// run unknown_table
// expect error standard
// expect message unknown table "nowhere"

function implicit_table {
  input {
  }

  stack {
    db.add audit_log {
      data = {action: "login", at: 1}
    } as $first

    db.add audit_log {
      data = {action: "logout", extra: [1, 2]}
    } as $second

    db.query audit_log {
      sort = {id: "desc"}
    } as $all
  }

  response = {first: $first, second: $second, count: $all|count, newest: ($all|first).action}
}
// run implicit_table
// expect {"first": {"id": 1, "created_at": "<any>", "action": "login", "at": 1}, "second": {"id": 2, "created_at": "<any>", "action": "logout", "extra": [1, 2]}, "count": 2, "newest": "logout"}
