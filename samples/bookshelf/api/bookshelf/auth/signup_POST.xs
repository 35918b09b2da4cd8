query "auth/signup" verb=POST {
  api_group = "bookshelf"
  description = "Create an account and log in"
  input {
    text name filters=trim|min:1
    email email filters=trim|lower
    text password filters=min:8
  }
  stack {
    db.get customer {
      field_name = "email"
      field_value = $input.email
    } as $existing
    precondition ($existing == null) {
      error_type = "accessdenied"
      error = "This account is already in use."
    }
    db.add customer {
      data = {name: $input.name, email: $input.email, password: $input.password}
    } as $customer
    security.create_auth_token {
      table = "customer"
      extras = {}
      expiration = 86400
      id = $customer.id
    } as $authToken
  }
  response = {authToken: $authToken, user: {id: $customer.id, name: $customer.name}}
}
