// $input holds the validated inputs only (undeclared fields are dropped, and $x does not see
// inputs); $auth is {id, extras, table} for a signed-in caller and {} for an anonymous one;
// $env has the workspace variables and the $-prefixed system ones.
function context {
  input {
    int n
  }

  stack {
    var $copy {
      value = $input
    }
  }

  response = {
    input      : $copy
    n_as_var   : $n
    auth_id    : $auth.id
    auth       : $auth
    app        : $env.APP_NAME
    tenant     : $env.$tenant
    datasource : $env.$datasource
    missing    : $env.NOPE
  }
}
// run context {"n": 3, "extra": "dropped"}
// expect {"input": {"n": 3}, "n_as_var": null, "auth_id": null, "auth": {}, "app": "corpus", "tenant": "", "datasource": "live", "missing": null}
// run context {"n": 3}
// user 7
// expect {"input": {"n": 3}, "n_as_var": null, "auth_id": 7, "auth": {"id": 7, "extras": {}, "table": "user"}, "app": "corpus", "tenant": "", "datasource": "live", "missing": null}

function needs_user {
  input {
  }

  stack {
    precondition ($auth.id != null) {
      error_type = "unauthorized"
      error = "Sign in first"
    }
  }

  response = "hello " ~ $auth.id
}
// run needs_user
// expect error unauthorized
// expect message Sign in first
// run needs_user
// user 42
// expect "hello 42"
