query "auth/login" verb=POST {
  api_group = "bookshelf"
  description = "Log in with email and password"
  input {
    email email filters=trim|lower
    text password
  }
  stack {
    db.get customer {
      field_name = "email"
      field_value = $input.email
    } as $customer
    precondition ($customer != null) {
      error_type = "accessdenied"
      error = "Invalid Credentials."
    }
    security.check_password {
      text_password = $input.password
      hash_password = $customer.password
    } as $pass_result
    precondition ($pass_result) {
      error_type = "accessdenied"
      error = "Invalid Credentials."
    }
    security.create_auth_token {
      dbtable = "customer"
      extras = {}
      expiration = 86400
      id = $customer.id
    } as $authToken
  }
  response = {authToken: $authToken}
}
