// `as` targets: a variable, a path inside one, and result filters applied before storing
// (`} as $ids|map:$$.id`, the shape real exports use).
table user {
  schema {
    int id
    text name
  }
}
---
function as_forms {
  input {
  }

  stack {
    db.query user {
      sort = {id: "asc"}
    } as $ids|map:$$.id

    db.get user {
      field_value = 2
    } as $name|get:"name":"none"

    db.get user {
      field_value = 9
    } as $missing|get:"name":"none"

    db.query user {
      return = {type: "count"}
    } as $stats.count

    db.has user {
      field_value = 1
    } as $stats.has_first
  }

  response = {ids: $ids, name: $name, missing: $missing, stats: $stats}
}
// run as_forms
// data {"user": [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}]}
// expect {"ids": [1, 2], "name": "b", "missing": "none", "stats": {"count": 2, "has_first": true}}
