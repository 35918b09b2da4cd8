query "auth/me" verb=GET {
  api_group = "bookshelf"
  auth = "customer"
  description = "The logged-in reader"
  stack {
    db.get customer {
      field_name = "id"
      field_value = $auth.id
      output = ["id", "name", "email"]
    } as $me
  }
  response = $me
}
