// db.direct_query needs PostgreSQL (--db); on the built-in database it fails when reached,
// saying how to get one. The PostgreSQL cases are in tests/postgres.
function sql {
  input {
  }

  stack {
    db.direct_query {
      sql = "select ? as one"
      arg = 1
      response_type = "single"
    } as $row
  }

  response = $row
}
// run sql
// expect error standard
// expect message db.direct_query runs SQL, which needs PostgreSQL: start xs with --db postgresql://USER:PASS@HOST:PORT/DB
