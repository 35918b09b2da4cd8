// XS0203: a filter name the library does not have; disabled filters are not checked.
function unknown_filter {
  input {
  }

  stack {
    var $a {
      value = "x"|to_uppper // expect error: XS0203
    }

    var $b {
      value = [1, 2]|summ|count // expect error: XS0203
    }

    var $c {
      value = "x"|!not_a_filter|trim
    }

    var $d {
      value = "x"|default:"y" // expect error: XS0203
    }

    var $e {
      value = ["x"]|map:($$|frobnicate) // expect error: XS0203
    }
  }

  response = [$a, $b, $c, $d, $e]
}
---
// A filter on a $db column runs in the database, which has its own filter names
// (length, timestamp_*, …) and not the general library's.
function database_filters {
  input {
  }

  stack {
    db.query post {
      where = ($db.post.tags|length) > 0 && ($db.post.created_at|timestamp_year) == 2025 && ($db.post.title|to_lower|concat:"!") != ""
      eval = {later: $db.post.created_at|timestamp_add_days:1}
    } as $ok

    db.query post {
      where = ($db.post.title|strlen) > 3 // expect error: XS0203
    } as $wrong
  }

  response = [$ok, $wrong]
}
---
// Filters of Xano's database that xs's database lacks are warnings: valid Xano, but they fail
// when xs runs the query.
function engine_database_filters {
  input {
    text q
  }

  stack {
    db.query contact {
      where = $db.contact.name includes $input.q
      eval = {rank: $db.contact.name|search_rank:$input.q} // expect warning: XS0203
    } as $ranked
  }

  response = $ranked
}
