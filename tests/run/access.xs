// Member and index access (reference §2.4): .name, [expr], numeric members ($a.0), negative
// indexes from the end; anything missing reads as null rather than failing.

// eval {a: {b: [1, {c: "d"}]}}.a.b[1].c => "d"
// eval {a: 1}.b => null
// eval {a: 1}.b.c.d => null
// eval {a: 1}["a"] => 1
// eval {a: 1}["a" ~ ""] => 1
// eval [10, 20, 30][0] => 10
// eval [10, 20, 30][-1] => 30
// eval [10, 20, 30][5] => null
// eval [10, 20, 30].1 => 20
// eval [[1, 2], [3]][1][0] => 3
// eval [[1, 2], [3]].0.1 => 2
// eval ({a: 1}).a => 1
// eval ([{n: "x"}]|first).n => "x"
// eval null.a => null
// eval "abc".x => null
// eval $never_set => null
// eval $never_set.x.y => null

function access {
  input {
    json data
  }

  stack {
    var $list {
      value = $input.data.items
    }

    var $i {
      value = 1
    }
  }

  response = {
    first     : $list[0].name
    second    : $list[$i].name
    computed  : $list[$i - 1]["name"]
    numeric   : $list.0.name
    missing   : $list[9].name
    deep      : $input.data.meta.owner.name
    via_var   : $var.list.1.name
    key       : $input.data["meta"]
  }
}
// run access {"data": {"items": [{"name": "a"}, {"name": "b"}], "meta": null}}
// expect {"first": "a", "second": "b", "computed": "a", "numeric": "a", "missing": null, "deep": null, "via_var": "b", "key": null}
