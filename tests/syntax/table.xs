// A table: auth flag, a schema written like an input block, indexes and seed items.
table user {
  auth = true

  schema {
    int id
    timestamp created_at?=now
    text name filters=trim
    email email filters=trim|lower {
      sensitive = true
    }

    password password? {
      sensitive = true
    }

    enum role?="user" {
      values = ["user", "admin"]
    }

    int org_id? {
      table = "org"
    }

    bool active?=true
    text[] tags?
    json settings?
  }

  index = [
    {type: "primary", field: [{name: "id"}]}
    {type: "btree|unique", field: [{name: "email", op: "asc"}]}
    {type: "btree", field: [{name: "created_at", op: "desc"}]}
    {type: "gin", field: [{name: "settings", op: "jsonb_path_op"}]}
  ]

  items = [
    {id: 1, name: "Ada", email: "ada@example.com", role: "admin"}
    {id: 2, name: "Bob", email: "bob@example.com"}
  ]
}
