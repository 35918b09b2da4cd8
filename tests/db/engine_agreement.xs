// Where the two engines could drift apart, the memory engine's rule holds for both (run on the
// memory engine by CorpusTest and on PostgreSQL by PostgresCorpusTest):
// - `==` on a field of an undeclared table (PostgreSQL keeps those fields in jsonb) is the
//   language's loose equality: 1, 1.0 and "1" are equal, a bool compares truthiness, null only
//   equals a missing field or null; `===` stays exact; lists and objects compare element by
//   element with the same rule (same length, same keys), also on a path into a json column;
// - rows of a table with uuid ids come in insertion order when no sort says otherwise, and
//   insertion order breaks ties of a sort.
table box {
  schema {
    int id
    text label
    json data
  }
}
---
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

function loose_containers {
  input {
  }

  stack {
    db.add gadget {
      data = {name: "list", v: [1]}
    }

    db.add gadget {
      data = {name: "list text", v: ["1"]}
    }

    db.add gadget {
      data = {name: "longer list", v: [1, 1]}
    }

    db.add gadget {
      data = {name: "object", v: {a: 1, b: [true]}}
    }

    db.add gadget {
      data = {name: "object text", v: {a: "1", b: [1]}}
    }

    db.add gadget {
      data = {name: "more keys", v: {a: 1, b: [1], c: null}}
    }

    db.add gadget {
      data = {name: "true", v: true}
    }

    db.add gadget {
      data = {name: "two", v: 2}
    }

    db.add gadget {
      data = {name: "missing"}
    }

    db.query gadget {
      where = $db.gadget.v == [1]
    } as $eq_list

    db.query gadget {
      where = $db.gadget.v == {a: 1.0, b: [5]}
    } as $eq_object

    db.query gadget {
      where = $db.gadget.v != [1]
    } as $ne_list

    db.query gadget {
      where = $db.gadget.v in [[2], {a: "1", b: [1]}]
    } as $in_containers

    db.query gadget {
      where = $db.gadget.v === [1]
    } as $strict_list

    db.add box {
      data = {label: "numbers", data: {tags: [1, 2], meta: {n: 1}}}
    }

    db.add box {
      data = {label: "texts", data: {tags: ["1", "2"], meta: {n: "1"}}}
    }

    db.add box {
      data = {label: "other", data: {tags: [2, 1], meta: {n: 2}}}
    }

    db.query box {
      where = $db.box.data.tags == [1, 2]
    } as $path_list

    db.query box {
      where = $db.box.data.meta == {n: 1}
    } as $path_object

    db.query box {
      where = $db.box.data.tags in [[2, "1"], [3]]
    } as $path_in
  }

  response = {
    eq_list      : $eq_list|map:$$.name
    eq_object    : $eq_object|map:$$.name
    ne_list      : $ne_list|map:$$.name
    in_containers: $in_containers|map:$$.name
    strict_list  : $strict_list|map:$$.name
    path_list    : $path_list|map:$$.label
    path_object  : $path_object|map:$$.label
    path_in      : $path_in|map:$$.label
  }
}
// run loose_containers
// expect {"eq_list": ["list", "list text", "true"], "eq_object": ["object", "true"], "ne_list": ["longer list", "object", "object text", "more keys", "two", "missing"], "in_containers": ["object", "object text", "true"], "strict_list": ["list"], "path_list": ["numbers", "texts"], "path_object": ["numbers", "texts"], "path_in": ["other"]}
