// XS0204 unknown statement, XS0205 real Xano statement xs does not run, XS0214 unknown
// attribute (an error for the statements whose attribute lists passed the sweep of real
// exports), XS0215 missing attribute. Disabled statements are not checked.
function statements {
  input {
  }

  stack {
    frobnicate.now { // expect error: XS0204
      value = 1
    }

    db.qurey user { // expect error: XS0204
    } as $rows

    api.request {
      url = "https://example.com"
    } as $response_data

    redis.get {
      key = "k"
    } as $cached

    db.get user {
      feild_name = "id" // expect error: XS0214
      field_value = 1
    } as $user

    var $x {
      vaule = 1 // expect error: XS0214
      description = "every statement takes a description"
    }

    db.edit user { // expect error: XS0215
      field_value = 1
    } as $edited

    util.sleep { // expect error: XS0215
    }

    array.push $list { // expect error: XS0215
    }

    !frobnicate.later {
      value = 1
    }
  }

  response = $user
}
---
// Real Xano statements xs does not run are warnings, whichever family they come from.
function more_real_statements {
  input {
  }

  stack {
    security.random_number {
      min = 1
      max = 6
    } as $dice

    action.call "slack" { // expect warning: XS0205
      input = {}
    } as $sent

    db.external.postgres.direct_query { // expect warning: XS0205
      sql = "select 1"
    } as $rows
  }

  response = [$dice, $sent, $rows]
}
