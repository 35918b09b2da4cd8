// Password columns are stored as bcrypt hashes on every write: db.add, db.edit, db.add_or_edit,
// db.bulk.add, the table's items and seed data. Reads return the hash, never the plain text; a
// value that already is a hash is kept as it is; security.check_password compares a text with a
// hash; security.create_password makes a random password and hashes nothing.
table login {
  schema {
    int id
    email email
    password? secret filters=trim
  }
  items = [{id: 1, email: "items@example.com", secret: "from-items"}]
}
---
function sign_up {
  input {
    text email
    text secret
  }

  stack {
    db.add login {
      data = {email: $input.email, secret: $input.secret}
    } as $row

    db.get login {
      field_value = $row.id
    } as $stored

    security.check_password {
      text_password = $input.secret
      hash_password = $stored.secret
    } as $right

    security.check_password {
      text_password = "wrong"
      hash_password = $stored.secret
    } as $wrong
  }

  response = {
    plain_kept: $stored.secret == $input.secret
    looks_hashed: $stored.secret|starts_with:"$2y$10$"
    length: $stored.secret|strlen
    right: $right
    wrong: $wrong
  }
}
// run sign_up {"email": "ada@example.com", "secret": "  s3cret  "}
// expect {"plain_kept": false, "looks_hashed": true, "length": 60, "right": false, "wrong": false}

function trimmed_before_hashing {
  stack {
    db.add login {
      data = {email: "bob@example.com", secret: "  s3cret  "}
    } as $row

    security.check_password {
      text_password = "s3cret"
      hash_password = $row.secret
    } as $ok
  }

  response = $ok
}
// run trimmed_before_hashing
// expect true

function every_write_hashes {
  stack {
    db.get login {
      field_value = 1
    } as $from_items

    db.get login {
      field_value = 7
    } as $from_seed

    db.edit login {
      field_value = 1
      data = {secret: "edited"}
    } as $edited

    db.add_or_edit login {
      field_name = "email"
      field_value = "new@example.com"
      data = {secret: "upserted"}
    } as $upserted

    db.bulk.add login {
      items = [{email: "bulk@example.com", secret: "bulked"}]
    }

    db.get login {
      field_name = "email"
      field_value = "bulk@example.com"
    } as $bulked

    security.check_password {
      text_password = "from-items"
      hash_password = $from_items.secret
    } as $items_ok

    security.check_password {
      text_password = "from-seed"
      hash_password = $from_seed.secret
    } as $seed_ok

    security.check_password {
      text_password = "edited"
      hash_password = $edited.secret
    } as $edit_ok

    security.check_password {
      text_password = "upserted"
      hash_password = $upserted.secret
    } as $upsert_ok

    security.check_password {
      text_password = "bulked"
      hash_password = $bulked.secret
    } as $bulk_ok
  }

  response = [$items_ok, $seed_ok, $edit_ok, $upsert_ok, $bulk_ok]
}
// run every_write_hashes
// data {"login": [{"id": 7, "email": "seed@example.com", "secret": "from-seed"}]}
// expect [true, true, true, true, true]

function a_hash_is_kept {
  stack {
    db.get login {
      field_value = 1
    } as $row

    db.edit login {
      field_value = 1
      data = {email: "renamed@example.com", secret: $row.secret}
    } as $edited
  }

  response = $edited.secret == $row.secret
}
// run a_hash_is_kept
// expect true

function null_stays_null {
  stack {
    db.add login {
      data = {email: "none@example.com"}
    } as $row
  }

  response = $row.secret
}
// run null_stays_null
// expect null

function check_against_non_hash {
  stack {
    security.check_password {
      text_password = "abc"
      hash_password = "abc"
    } as $ok
  }

  response = $ok
}
// run check_against_non_hash
// expect false

function create_password {
  stack {
    security.create_password {
      character_count = 24
      require_lowercase = true
      require_uppercase = true
      require_digit = true
      require_symbol = true
      symbol_whitelist = "#"
    } as $pw

    security.create_password {
      character_count = 8
      require_digit = true
    } as $pin
  }

  response = {
    length: $pw|strlen
    lower: "/[a-z]/"|regex_matches:$pw
    upper: "/[A-Z]/"|regex_matches:$pw
    digit: "/[0-9]/"|regex_matches:$pw
    symbol: "/#/"|regex_matches:$pw
    other_symbols: "/[^a-zA-Z0-9#]/"|regex_matches:$pw
    pin: "/^[0-9]{8}$/"|regex_matches:$pin
  }
}
// run create_password
// expect {"length": 24, "lower": true, "upper": true, "digit": true, "symbol": true, "other_symbols": false, "pin": true}

function create_password_too_short {
  stack {
    security.create_password {
      character_count = 2
      require_lowercase = true
      require_uppercase = true
      require_digit = true
    } as $pw
  }

  response = $pw
}
// run create_password_too_short
// expect error inputerror
// expect param character_count
