// An input block with a dblink takes the linked table's fields: xs passes the fields it was
// not told about through unchecked (the declared ones are still validated). A where clause may
// apply a database filter to a value as well as to a column.
table comment {
  schema {
    int id
    text body
    timestamp created_at
  }
}
---
function "comments/add" {
  input {
    int post_id
    dblink {
      table = "comment"
    }
  }

  stack {
  }

  response = $input
}
// run comments/add {"post_id": "3", "body": "hi", "extra": [1]}
// expect {"post_id": 3, "body": "hi", "extra": [1]}
// run comments/add {"post_id": "x", "body": "hi"}
// expect error inputerror
// expect param post_id

function old_comments {
  input {
  }

  stack {
    db.query comment {
      where = $db.comment.created_at < ("2025-01-15 00:00:00"|timestamp_subtract_days:7)
      sort = {id: "asc"}
      output = ["id"]
    } as $old

    db.query comment {
      where = ($db.comment.created_at|timestamp_add_days:1) >= ("2025-01-15 00:00:00"|timestamp_add_hours:1)
      output = ["id"]
    } as $recent
  }

  response = {old: $old|map:$$.id, recent: $recent|map:$$.id}
}
// run old_comments
// data {"comment": [{"id": 1, "body": "a", "created_at": "2025-01-01 00:00:00"}, {"id": 2, "body": "b", "created_at": "2025-01-10 00:00:00"}, {"id": 3, "body": "c", "created_at": "2025-01-14 12:00:00"}]}
// expect {"old": [1], "recent": [3]}
