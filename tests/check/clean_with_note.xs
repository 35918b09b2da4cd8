// A clean file: the only thing to say is a note about a table created on first write
// (XS0213). Tables declared in the checked files, or written by edit/patch/get, get no note.
table user {
  schema {
    int id
    text name
  }
}
---
function "log_visit" {
  input {
    int user_id
  }

  stack {
    db.get user {
      field_name = "id"
      field_value = $input.user_id
    } as $user

    db.add user {
      data = {name: "declared table: no note"}
    } as $created

    db.add visit_log { // expect note: XS0213
      data = {user_id: $input.user_id, at: now}
    } as $visit

    db.edit other_table {
      field_value = 1
      data = {seen: true}
    } as $edited
  }

  response = {user: $user, visit: $visit, created: $created, edited: $edited}
}
