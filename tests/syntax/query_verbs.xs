// Every verb, quoted and unquoted paths, and an empty input block written both ways.
query users verb=GET {
  input {
  }

  stack {
  }

  response = []
}
---
query "users/{id}" verb=PUT {
  input {}
  stack {
  }
  response = null
}
---
query "users/{id}" verb=PATCH {
  input {
    int id
  }
  stack {
  }
  response = $input.id
}
---
query "users/{id}" verb=DELETE {
  input {
    int id
  }
  stack {
    db.del user {
      field_name = "id"
      field_value = $input.id
    }
  }
  response = null
}
