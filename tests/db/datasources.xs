// Named data sources: db.set_datasource switches the rest of the run's db.* statements to
// another data source, its own database with the same declared tables. A new data source is
// empty (as in Xano: same schema, none of live's data, not even the tables' items), its ids
// start at 1, and $env.$datasource names the one in use. "live" switches back.
table task {
  schema {
    int id
    text title
  }

  items = [{"id": 1, "title": "live seed"}]
}
---
function switch_mid_stack {
  input {
  }

  stack {
    db.add task {
      data = {title: "written to live"}
    } as $live_row

    db.set_datasource {
      value = "test"
    }

    var $test_before {
      value = $env.$datasource
    }

    db.query task {
      return = {type: "count"}
    } as $test_count_before

    db.add task {
      data = {title: "written to test"}
    } as $test_row

    db.query task {
      sort = {id: "asc"}
    } as $test_rows

    db.set_datasource {
      value = "live"
    }

    db.query task {
      sort = {id: "asc"}
    } as $live_rows
  }

  response = {
    live_row: $live_row.id
    env: $test_before
    env_after: $env.$datasource
    test_count_before: $test_count_before
    test_row: $test_row.id
    test_rows: $test_rows|map:$$.title
    live_rows: $live_rows|map:$$.title
  }
}
// run switch_mid_stack
// expect {"live_row": 2, "env": "test", "env_after": "live", "test_count_before": 0, "test_row": 1, "test_rows": ["written to test"], "live_rows": ["live seed", "written to live"]}

function from_input {
  input {
    text source
  }

  stack {
    db.set_datasource {
      value = $input.source
    }

    db.get task {
      field_name = "id"
      field_value = 1
    } as $first
  }

  response = $first.title
}
// run from_input {"source": "live"}
// expect "live seed"
// run from_input {"source": "staging"}
// expect null
// run from_input {"source": "../live"}
// expect error standard
// expect message is not usable

function unnamed {
  input {
  }

  stack {
    db.set_datasource {
      value = ""
    }
  }

  response = null
}
// run unnamed
// expect error standard
// expect message needs value = the name of a data source
