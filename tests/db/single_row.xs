// The single-row statements against seeded rows: db.get (by id or another field, null when
// missing, output columns), db.has, db.add (ids continue after the seed, defaults filled),
// db.edit / db.patch (changed fields only; notfound when no row matches), db.add_or_edit
// (edits a match, else adds with the key), db.del (notfound when missing), db.truncate.
table user {
  schema {
    int id
    text name
    email? email
    bool active?=true
    int? age
    timestamp created_at?=now
  }
}
---
function get_user {
  input {
    int id
  }

  stack {
    db.get user {
      field_name = "id"
      field_value = $input.id
    } as $by_id

    db.get user {
      field_name = "email"
      field_value = "bob@example.com"
      output = ["id", "name"]
    } as $by_email

    db.get user {
      field_value = 99
    } as $missing

    db.has user {
      field_name = "name"
      field_value = "Ada"
    } as $has_ada

    db.has user {
      field_value = 99
    } as $has_99
  }

  response = {by_id: $by_id|unset:"created_at", by_email: $by_email, missing: $missing, has_ada: $has_ada, has_99: $has_99}
}
// run get_user {"id": 1}
// data {"user": [{"id": 1, "name": "Ada", "email": "ada@example.com", "age": 36}, {"id": 2, "name": "Bob", "email": "bob@example.com", "active": false}]}
// expect {"by_id": {"id": 1, "name": "Ada", "email": "ada@example.com", "active": true, "age": 36}, "by_email": {"id": 2, "name": "Bob"}, "missing": null, "has_ada": true, "has_99": false}

function add_user {
  input {
    text name
  }

  stack {
    db.add user {
      data = {name: $input.name, age: "41"}
    } as $created

    db.add user {
      data = {name: "Second"}
    } as $second
  }

  response = {id: $created.id, name: $created.name, age: $created.age, active: $created.active, stamped: $created.created_at > 0, second_id: $second.id}
}
// run add_user {"name": "Cy"}
// data {"user": [{"id": 1, "name": "Ada"}, {"id": 7, "name": "Bob"}]}
// expect {"id": 8, "name": "Cy", "age": 41, "active": true, "stamped": true, "second_id": 9}
// run add_user {"name": "First"}
// expect {"id": 1, "name": "First", "age": 41, "active": true, "stamped": true, "second_id": 2}

function edit_and_patch {
  input {
  }

  stack {
    db.edit user {
      field_name = "id"
      field_value = 1
      data = {name: "Ada L.", age: 37}
    } as $edited

    var $changes {
      value = {active: false}
    }

    db.patch user {
      field_name = "email"
      field_value = "ada@example.com"
      data = $changes
    } as $patched

    db.get user {
      field_value = 1
    } as $reread
  }

  response = {edited: $edited|pick:["id", "name", "age", "active"], patched: $patched|pick:["name", "active"], reread: $reread|pick:["name", "age", "active"]}
}
// run edit_and_patch
// data {"user": [{"id": 1, "name": "Ada", "email": "ada@example.com", "age": 36}]}
// expect {"edited": {"id": 1, "name": "Ada L.", "age": 37, "active": true}, "patched": {"name": "Ada L.", "active": false}, "reread": {"name": "Ada L.", "age": 37, "active": false}}

function edit_missing {
  input {
  }

  stack {
    db.edit user {
      field_value = 42
      data = {name: "nobody"}
    } as $edited
  }

  response = $edited
}
// run edit_missing
// data {"user": [{"id": 1, "name": "Ada"}]}
// expect error notfound

function add_or_edit {
  input {
    text email
    text name
  }

  stack {
    db.add_or_edit user {
      field_name = "email"
      field_value = $input.email
      data = {name: $input.name}
    } as $row

    db.query user {
      return = {type: "count"}
    } as $count
  }

  response = {id: $row.id, name: $row.name, email: $row.email, count: $count}
}
// run add_or_edit {"email": "ada@example.com", "name": "Ada (edited)"}
// data {"user": [{"id": 1, "name": "Ada", "email": "ada@example.com"}]}
// expect {"id": 1, "name": "Ada (edited)", "email": "ada@example.com", "count": 1}
// run add_or_edit {"email": "new@example.com", "name": "Newcomer"}
// data {"user": [{"id": 1, "name": "Ada", "email": "ada@example.com"}]}
// expect {"id": 2, "name": "Newcomer", "email": "new@example.com", "count": 2}

function delete_and_truncate {
  input {
    int id
  }

  stack {
    db.del user {
      field_name = "id"
      field_value = $input.id
    }

    db.query user {
      return = {type: "count"}
    } as $after_delete

    db.truncate user {
      reset = true
    }

    db.query user {
      return = {type: "count"}
    } as $after_truncate

    db.add user {
      data = {name: "fresh"}
    } as $fresh
  }

  response = {after_delete: $after_delete, after_truncate: $after_truncate, fresh_id: $fresh.id}
}
// run delete_and_truncate {"id": 2}
// data {"user": [{"id": 1, "name": "Ada"}, {"id": 2, "name": "Bob"}, {"id": 3, "name": "Cy"}]}
// expect {"after_delete": 2, "after_truncate": 0, "fresh_id": 1}
// run delete_and_truncate {"id": 9}
// data {"user": [{"id": 1, "name": "Ada"}]}
// expect error notfound

function truncate_keeps_ids {
  input {
  }

  stack {
    db.truncate user

    db.add user {
      data = {name: "after"}
      output = ["id", "name"]
    } as $row

    db.query user {
      sort = {id: "rand"}
      return = {type: "count"}
    } as $count
  }

  response = {row: $row, count: $count}
}
// run truncate_keeps_ids
// data {"user": [{"id": 1, "name": "Ada"}, {"id": 5, "name": "Bob"}]}
// expect {"row": {"id": 6, "name": "after"}, "count": 1}
