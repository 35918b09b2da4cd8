// The other construct kinds, separated by --- lines as in multi-document exports.
api_group Auctions {
  canonical = "abc123"
  description = "Auction endpoints"
  swagger = {active: true, token: ""}
  tags = ["public"]
}
---
addon user_count {
  input {
    int org_id? {
      table = "org"
    }
  }

  stack {
    db.query user {
      where = $db.user.org_id == $input.org_id
      return = {type: "count"}
    }
  }
}
---
task nightly_cleanup {
  description = "Delete old sessions every day"
  active = false
  datasource = "live"

  stack {
    db.bulk.delete session {
      where = $db.session.created_at < (now|transform_timestamp:"-30 days")
    }
  }

  schedule = [
    {starts_on: 2025-01-01 09:00:00+0000, freq: 86400}
    {starts_on: 2025-06-01 00:00:00+0000, freq: 3600, ends_on: 2025-12-31 23:59:59+0000}
  ]

  history = "inherit"
}
---
table_trigger audit_user {
  table = "user"
  actions = {insert: true, update: true, delete: false, truncate: false}
  datasources = ["live"]

  input {
    json new
    json old
    enum action {
      values = ["insert", "update", "delete", "truncate"]
    }

    text datasource
  }

  stack {
    debug.log {
      value = $input.new
    }
  }
}
---
middleware require_admin {
  exception_policy = "rethrow"
  response_strategy = "merge"

  input {
    json vars
  }

  stack {
    precondition ($auth.role == "admin") {
      error_type = "accessdenied"
    }
  }

  response = $input.vars
}
