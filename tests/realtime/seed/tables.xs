table user {
  auth = true
  schema {
    int id
    text name
  }
}

table message {
  schema {
    int id
    int room_id
    int sender_id
    text content
    timestamp created_at
  }
}

table notification {
  schema {
    int id
    int user_id
    text type
    text title
    text body
    json data
    bool read
    timestamp created_at
  }
}

table room_member {
  schema {
    int id
    int room_id
    int user_id
  }
}

table document {
  schema {
    int id
    int version
  }
}
