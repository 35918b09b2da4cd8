// A small workspace for workflow tests: tables with items, a function, an addon, a task, a table
// trigger, a middleware and a tool, each reached from workflow_test stacks.
table account {
  schema {
    int id
    text name
    int owner_id?
    int deals?=0
  }

  items = [{id: 1, name: "Seeded Co", owner_id: 7}]
}
---
table owner {
  schema {
    int id
    text name
  }

  items = [{id: 7, name: "Morgan"}]
}
---
table activity {
  schema {
    int id
    text kind
    int account_id?
  }
}
---
function "accounts/create_account" {
  input {
    text name filters=trim
    int owner_id?
  }

  stack {
    precondition ($input.name != "") {
      error_type = "inputerror"
      error = "name is required"
    }

    db.add account {
      data = {name: $input.name, owner_id: $input.owner_id}
    } as $account
  }

  response = $account
}
---
addon owner {
  input {
    int owner_id? {
      table = "owner"
    }
  }

  stack {
    db.query owner {
      where = $db.owner.id == $input.owner_id
      return = {type: "single"}
    }
  }
}
---
task nightly_rollup {
  stack {
    db.query account {
      return = {type: "count"}
    } as $accounts

    db.add activity {
      data = {kind: "rollup " ~ $accounts}
    }
  }

  schedule = [{starts_on: 2026-01-01 02:00:00+0000, freq: 86400}]
}
---
table_trigger log_new_accounts {
  table = "account"

  input {
    json new
    json old
    enum action {
      values = ["insert", "update", "delete", "truncate"]
    }

    text datasource
  }

  stack {
    db.add activity {
      data = {kind: $input.action, account_id: $input.new.id}
    }
  }

  actions = {insert: true}
  datasources = ["live"]
}
---
middleware stamp {
  input {
    json vars
    enum type {
      values = ["pre", "post"]
    }
  }

  stack {
  }

  response = {stamped: true, type: $input.type, seen: $input.vars|get:"name"}
  response_strategy = "merge"
}
---
tool lookup_account {
  instructions = "Finds an account by id"
  input {
    int account_id
  }

  stack {
    db.get account {
      field_value = $input.account_id
    } as $account
  }

  response = $account
}
