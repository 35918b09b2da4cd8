// db.direct_query on PostgreSQL (run by PostgresCorpusTest only: the built-in database has no
// SQL): `?` binds the next arg, `?:raw` pastes it, `??` is a literal `?`; values come back as
// the db.* statements give them (epoch-ms timestamps, json as objects, numeric as numbers).
table note {
  schema {
    int id
    timestamp created_at?=now
    text body
    decimal price
    json meta
    bool done
    date due
  }
}
---
function typed_row {
  input {
    int id
  }

  stack {
    db.direct_query {
      sql = "SELECT id, created_at, body, price, meta, done, due, price * 2 AS twice, 1.5::float8 AS f FROM note WHERE id = ?"
      arg = $input.id
      response_type = "single"
    } as $row
  }

  response = $row
}
// run typed_row {"id": 2}
// data {"note": [{"id": 1, "created_at": 1700000000000, "body": "a", "price": 1.25, "meta": {"k": [1, 2]}, "done": true, "due": "2026-01-02"}, {"id": 2, "created_at": 1700000001234, "body": "b", "price": 10, "meta": {"tags": ["x"], "n": 1.5}, "done": false, "due": "2026-03-04"}]}
// expect {"id": 2, "created_at": 1700000001234, "body": "b", "price": 10.0, "meta": {"n": 1.5, "tags": ["x"]}, "done": false, "due": "2026-03-04", "twice": 20.0, "f": 1.5}

function list_and_raw {
  input {
  }

  stack {
    db.direct_query {
      sql = """
        SELECT body, count(*) AS n
        FROM ?:raw
        WHERE body <> ? AND '?' = '?' -- a ? in a comment is text
        GROUP BY body
        ORDER BY body
        """
      arg = "note"
      arg = "c"
      response_type = "list"
    } as $rows

    db.direct_query {
      sql = "SELECT ?::int8 + 1 AS next, ? IS NULL AS missing, '{\"a\": 1}'::jsonb ?? 'a' AS has_a, ARRAY[1, 2] AS list"
      arg = "41"
      arg = null
      response_type = "single"
    } as $misc

    db.direct_query {
      sql = "SELECT body FROM note WHERE id = 99"
      response_type = "single"
    } as $none
  }

  response = {rows: $rows, misc: $misc, none: $none}
}
// run list_and_raw
// data {"note": [{"body": "a"}, {"body": "b"}, {"body": "a"}, {"body": "c"}]}
// expect {"rows": [{"body": "a", "n": 2}, {"body": "b", "n": 1}], "misc": {"next": 42, "missing": true, "has_a": true, "list": [1, 2]}, "none": null}

function templated {
  input {
    int per_page
  }

  stack {
    var $offset {
      value = 1
    }

    db.direct_query {
      sql = "SELECT id FROM note ORDER BY id LIMIT {{ $input.per_page }} OFFSET {{ $var.offset }}"
      parser = "template_engine"
      response_type = "list"
    } as $page
  }

  response = $page|map:$$.id
}
// run templated {"per_page": 2}
// data {"note": [{"body": "a"}, {"body": "b"}, {"body": "c"}, {"body": "d"}]}
// expect [2, 3]

function writes_join_the_transaction {
  input {
  }

  stack {
    try_catch {
      try {
        db.transaction {
          stack {
            db.direct_query {
              sql = "INSERT INTO note (body, price) VALUES (?, ?) RETURNING id, body, price"
              arg = "kept?"
              arg = 2.5
            } as $inserted

            throw {
              name = "Stop"
              value = "undo"
            }
          }
        }
      }

      catch {
        var $caught {
          value = $error.message
        }
      }
    }

    db.direct_query {
      sql = "INSERT INTO note (body) VALUES ('one'); INSERT INTO note (body) VALUES (?) RETURNING body"
      arg = "two"
    } as $last

    db.query note {
      return = {type: "count"}
    } as $count
  }

  response = {caught: $caught, last: $last, count: $count}
}
// run writes_join_the_transaction
// expect {"caught": "undo", "last": [{"body": "two"}], "count": 2}

function syntax_error {
  input {
  }

  stack {
    db.direct_query {
      sql = """
        SELECT id
        FROM note
        WHERE id = = 1
        """
    } as $rows
  }

  response = $rows
}
// run syntax_error
// expect error standard
// expect message PostgreSQL refused the SQL at line 3, column 12 (near `= 1`): syntax error at or near "="

function missing_table {
  input {
  }

  stack {
    db.direct_query {
      sql = "SELECT ?::int AS a, * FROM nope"
      arg = 1
    } as $rows
  }

  response = $rows
}
// run missing_table
// expect error standard
// expect message PostgreSQL refused the SQL at line 1, column 28 (near `nope`): relation "nope" does not exist

function arg_count {
  input {
  }

  stack {
    db.direct_query {
      sql = "SELECT ? AS a, ?:raw AS b"
      arg = 1
    } as $rows
  }

  response = $rows
}
// run arg_count
// expect error standard
// expect message the SQL has 2 placeholders (? and ?:raw) but 1 arg was given

function bad_response_type {
  input {
  }

  stack {
    db.direct_query {
      sql = "SELECT 1"
      response_type = "rows"
    } as $rows
  }

  response = $rows
}
// run bad_response_type
// expect error standard
// expect message db.direct_query: response_type must be one of "list", "single"
