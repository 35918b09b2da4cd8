table account {
  schema {
    int id
  }
}

table user {
  auth = true
  schema {
    int id
    text name
  }
}
