// A small workspace with accounts, for workflow tests that go through its API with api.call.
table reader {
  auth = true
  schema {
    int id
    timestamp created_at?=now
    text name
    email email filters=trim|lower
    password password
  }

  index = [
    {type: "primary", field: [{name: "id"}]}
    {type: "btree|unique", field: [{name: "email"}]}
  ]

  items = [{id: 1, name: "Seeded", email: "seed@example.com", password: "seed-password"}]
}
---
api_group accounts {
  canonical = "acc7Kp2"
}
---
query "auth/signup" verb=POST {
  api_group = "accounts"
  input {
    text name
    email email
    text password filters=min:8
  }

  stack {
    db.add reader {
      data = {name: $input.name, email: $input.email, password: $input.password}
    } as $reader

    security.create_auth_token {
      table = "reader"
      extras = {plan: "free"}
      expiration = 3600
      id = $reader.id
    } as $token
  }

  response = {authToken: $token, id: $reader.id}
}
---
query "auth/login" verb=POST {
  api_group = "accounts"
  input {
    email email
    text password
  }

  stack {
    db.get reader {
      field_name = "email"
      field_value = $input.email
    } as $reader

    precondition ($reader != null) {
      error_type = "accessdenied"
      error = "Invalid credentials."
    }

    security.check_password {
      text_password = $input.password
      hash_password = $reader.password
    } as $ok

    precondition ($ok) {
      error_type = "accessdenied"
      error = "Invalid credentials."
    }

    security.create_auth_token {
      table = "reader"
      extras = {plan: "free"}
      expiration = 3600
      id = $reader.id
    } as $token
  }

  response = {authToken: $token}
}
---
query "auth/me" verb=GET {
  api_group = "accounts"
  auth = "reader"
  stack {
    db.get reader {
      field_name = "id"
      field_value = $auth.id
      output = ["id", "name", "email", "created_at"]
    } as $me
  }

  response = {reader: $me, extras: $auth.extras}
}
---
query "readers/{reader_id}" verb=GET {
  api_group = "accounts"
  input {
    int reader_id
  }

  stack {
    db.get reader {
      field_name = "id"
      field_value = $input.reader_id
      output = ["id", "name"]
    } as $reader
  }

  response = $reader
}
