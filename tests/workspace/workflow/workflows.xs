workflow_test "account lifecycle" {
  tags = ["crm", "e2e"]
  stack {
    db.get account {
      field_value = 1
      addon = [{name: "owner", input: {owner_id: $output.owner_id}, as: "_owner"}]
    } as $seeded
    expect.to_equal ($seeded._owner.name) { value = "Morgan" }

    function.call "accounts/create_account" {
      input = {name: "  Northwind  ", owner_id: 7}
    } as $created
    expect.to_equal ($created.name) { value = "Northwind" }
    expect.to_be_greater_than ($created.id) { value = 1 }

    db.query activity {
      where = $db.activity.account_id == $created.id
      return = {type: "list"}
    } as $activity
    expect.to_equal ($activity|count) { value = 1 }
    expect.to_equal ($activity[0].kind) { value = "insert" }

    addon.call owner {
      input = {owner_id: $created.owner_id}
    } as $owner
    expect.to_equal ($owner.name) { value = "Morgan" }

    task.call nightly_rollup as $rollup
    db.query activity {
      where = $db.activity.kind == "rollup 2"
      return = {type: "exists"}
    } as $rolled
    expect.to_be_true ($rolled)

    trigger.call log_new_accounts {
      input = {new: {id: 99}, old: {}, action: "update", datasource: "live"}
    }
    db.query activity {
      where = $db.activity.account_id == 99
      return = {type: "single"}
    } as $manual
    expect.to_equal ($manual.kind) { value = "update" }

    middleware.call stamp {
      input = {vars: {name: "x"}, type: "pre"}
    } as $stamped
    expect.to_be_true ($stamped.stamped)
    expect.to_equal ($stamped.seen) { value = "x" }

    tool.call lookup_account {
      input = {account_id: 1}
    } as $found
    expect.to_equal ($found.name) { value = "Seeded Co" }

    expect.to_throw {
      stack {
        function.call "accounts/create_account" {
          input = {name: "   "}
        }
      }

      exception = "name is required"
    }
  }
}
---
workflow_test "each workflow test starts from a fresh database" {
  stack {
    db.query account {
      return = {type: "count"}
    } as $accounts
    expect.to_equal ($accounts) { value = 1 }
  }
}
---
workflow_test "fails on purpose" {
  tags = ["broken"]
  stack {
    function.call "accounts/create_account" {
      input = {name: "Solo"}
    } as $solo
    expect.to_equal ($solo.name) { value = "Duo" }
  }
}
---
workflow_test "calls what is not there" {
  tags = ["broken"]
  stack {
    function.call "accounts/missing" as $nothing
  }
}
