// Every write to item is audited; a delete also meets a trigger that fails on purpose.
table_trigger audit_items {
  table = "item"

  input {
    json new
    json old
    enum action {
      values = ["insert", "update", "delete", "truncate"]
    }

    text datasource
  }

  stack {
    db.add audit {
      data = {action: $input.action, new: $input.new, old: $input.old, datasource: $input.datasource}
    }

    debug.log {
      value = "audited " ~ $input.action
    }
  }

  actions = {insert: true, update: true, delete: true, truncate: true}
  datasources = ["live"]
}
---
table_trigger refuse_deletes {
  table = "item"

  input {
    json new
    json old
    enum action {
      values = ["insert", "update", "delete", "truncate"]
    }

    text datasource
  }

  stack {
    precondition ($input.action != "delete") {
      error = "deleting items is refused by this trigger"
    }
  }

  actions = {delete: true}
  datasources = ["live"]
}
---
table_trigger only_other_datasource {
  table = "item"

  input {
    json new
  }

  stack {
    throw {
      name = "Wrong"
      value = "this trigger listens to another data source"
    }
  }

  actions = {insert: true}
  datasources = ["test"]
}
---
// Writes to its own table: each run fires the next, until the depth bound stops it.
table_trigger bump_counter {
  table = "counter"

  input {
    json new
    json old
    enum action {
      values = ["insert", "update", "delete", "truncate"]
    }

    text datasource
  }

  stack {
    db.edit counter {
      field_name = "id"
      field_value = $input.new.id
      data = {n: $input.new.n + 1}
    }
  }

  actions = {insert: true, update: true}
  datasources = ["live"]
}
---
// Changes its copy of $input.new (a field, an array in place); the writer and the next trigger must not see it.
table_trigger note_changer {
  table = "note"

  input {
    json new
  }

  stack {
    var $row {
      value = $input.new
    }

    var $tags {
      value = $input.new.tags
    }

    var.update $row.title {
      value = "changed by a trigger"
    }

    array.push $tags {
      value = "pushed"
    }

    var.update $row.tags {
      value = $tags
    }

    db.add seen {
      data = {by: "changer", row: $row}
    }
  }

  actions = {insert: true}
}
---
table_trigger note_reader {
  table = "note"

  input {
    json new
  }

  stack {
    db.add seen {
      data = {by: "reader", row: $input.new}
    }
  }

  actions = {insert: true}
}
