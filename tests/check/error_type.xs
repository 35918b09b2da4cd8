// XS0212: an error_type Xano does not know acts as "standard" (HTTP 500). Case is ignored.
function error_types {
  input {
    int n
  }

  stack {
    precondition ($input.n > 0) {
      error_type = "not_found" // expect warning: XS0212
      error = "typo"
    }

    precondition ($input.n > 1) {
      error_type = "conflict" // expect warning: XS0212
    }

    precondition ($input.n > 2) {
      error_type = "NotFound"
    }

    precondition ($input.n > 3) {
      error_type = "inputerror"
    }

    precondition ($input.n > 4) {
      error_type = "badrequest"
    }

    precondition ($input.n > 5) {
      error_type = "unauthorized"
    }

    precondition ($input.n > 6) {
      error_type = "accessdenied"
    }

    precondition ($input.n > 7) {
      error_type = "toomanyrequests"
    }

    precondition ($input.n > 8) {
      error_type = "standard"
    }
  }

  response = $input.n
}
