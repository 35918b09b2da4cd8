// Where the two engines could drift apart, the memory engine's rule holds for both (run on the
// memory engine by CorpusTest and on PostgreSQL by PostgresCorpusTest):
// - `==` on a field of an undeclared table (PostgreSQL keeps those fields in jsonb) is the
//   language's loose equality: 1, 1.0 and "1" are equal, a bool compares truthiness, null only
//   equals a missing field or null; `===` stays exact;
// - rows of a table with uuid ids come in insertion order when no sort says otherwise, and
//   insertion order breaks ties of a sort.
table ticket {
  schema {
    uuid id
    text title
    int rank
  }
}
---
function loose_equality {
  input {
  }

  stack {
    db.add thing {
      data = {name: "int", v: 1}
    }

    db.add thing {
      data = {name: "text", v: "1"}
    }

    db.add thing {
      data = {name: "decimal", v: 1.0}
    }

    db.add thing {
      data = {name: "other text", v: "one"}
    }

    db.add thing {
      data = {name: "two", v: 2}
    }

    db.add thing {
      data = {name: "true", v: true}
    }

    db.add thing {
      data = {name: "false", v: false}
    }

    db.add thing {
      data = {name: "null", v: null}
    }

    db.add thing {
      data = {name: "missing"}
    }

    db.add thing {
      data = {name: "list", v: [1]}
    }

    db.query thing {
      where = $db.thing.v == 1
    } as $eq_int

    db.query thing {
      where = $db.thing.v == "1"
    } as $eq_text

    db.query thing {
      where = $db.thing.v == "one"
    } as $eq_word

    db.query thing {
      where = $db.thing.v == true
    } as $eq_true

    db.query thing {
      where = $db.thing.v == false
    } as $eq_false

    db.query thing {
      where = $db.thing.v == null
    } as $eq_null

    db.query thing {
      where = $db.thing.v != 1
    } as $ne_int

    db.query thing {
      where = $db.thing.v in [2, "one"]
    } as $in_list

    db.query thing {
      where = $db.thing.v === 1
    } as $strict
  }

  response = {
    eq_int  : $eq_int|map:$$.name
    eq_text : $eq_text|map:$$.name
    eq_word : $eq_word|map:$$.name
    eq_true : $eq_true|map:$$.name
    eq_false: $eq_false|map:$$.name
    eq_null : $eq_null|map:$$.name
    ne_int  : $ne_int|map:$$.name
    in_list : $in_list|map:$$.name
    strict  : $strict|map:$$.name
  }
}
// run loose_equality
// expect {"eq_int": ["int", "text", "decimal", "true"], "eq_text": ["int", "text", "decimal", "true"], "eq_word": ["other text", "true"], "eq_true": ["int", "text", "decimal", "other text", "two", "true", "list"], "eq_false": ["false"], "eq_null": ["null", "missing"], "ne_int": ["other text", "two", "false", "null", "missing", "list"], "in_list": ["other text", "two", "true"], "strict": ["int"]}

function uuid_order {
  input {
  }

  stack {
    db.add ticket {
      data = {id: "ffffffff-0000-4000-8000-000000000001", title: "first", rank: 2}
    }

    db.add ticket {
      data = {id: "00000000-0000-4000-8000-000000000002", title: "second", rank: 1}
    }

    db.add ticket {
      data = {id: "88888888-0000-4000-8000-000000000003", title: "third", rank: 2}
    }

    db.add ticket {
      data = {id: "11111111-0000-4000-8000-000000000004", title: "fourth", rank: 1}
    }

    db.query ticket as $unsorted

    db.query ticket {
      sort = {rank: "asc"}
    } as $by_rank

    db.query ticket {
      sort = {rank: "desc"}
      return = {type: "list", paging: {page: 1, per_page: 3}}
    } as $page

    db.get ticket {
      field_name = "rank"
      field_value = 1
    } as $first_rank_one
  }

  response = {
    unsorted: $unsorted|map:$$.title
    by_rank : $by_rank|map:$$.title
    page    : $page.items|map:$$.title
    get     : $first_rank_one.title
  }
}
// run uuid_order
// expect {"unsorted": ["first", "second", "third", "fourth"], "by_rank": ["second", "fourth", "first", "third"], "page": ["first", "third", "second"], "get": "second"}
