// The array statements: push/unshift/merge/pop/shift change the named variable (or path) in
// place, and never another variable that was assigned from it; find/find_index/has/every/
// filter/filter_count/partition take an `if (...)` condition on $this; map and group_by take
// `by`; union/difference/intersection take `value` and an optional `by`.
function mutations {
  input {
  }

  stack {
    var $a {
      value = [1]
    }

    var $alias {
      value = $a
    }

    array.push $a {
      value = 2
    }

    array.unshift $a {
      value = 0
    }

    array.merge $a {
      value = [3, 4]
    }

    array.pop $a as $popped
    array.shift $a as $shifted
    array.push $fresh {
      value = "created"
    }

    var $box {
      value = {items: []}
    }

    array.push $box.items {
      value = "in a path"
    }

    array.pop $empty_list as $nothing
  }

  response = {a: $a, alias: $alias, popped: $popped, shifted: $shifted, fresh: $fresh, box: $box, nothing: $nothing}
}
// run mutations
// expect {"a": [1, 2, 3], "alias": [1], "popped": 4, "shifted": 0, "fresh": ["created"], "box": {"items": ["in a path"]}, "nothing": null}

function push_to_text {
  input {
  }

  stack {
    var $t {
      value = "text"
    }

    array.push $t {
      value = 1
    }
  }

  response = $t
}
// run push_to_text
// expect error standard
// expect message array.push needs an array in $t, got text

function searches {
  input {
  }

  stack {
    var $people {
      value = [{name: "Ada", age: 36}, {name: "Bob", age: 17}, {name: "Cy", age: 52}]
    }

    array.find ($people) if ($this.age > 18) as $first_adult
    array.find ($people) if ($this.age > 99) as $nobody
    array.find_index ($people) if ($this.name == "Cy") as $cy_at
    array.find_index ($people) if ($this.name == "Zed") as $zed_at
    array.has ($people) if ($this.age < 18) as $has_minor
    array.every ($people) if ($this.age > 10) as $all_over_ten
    array.every ([]) if (false) as $vacuous
    array.filter ($people) if ($this.age > 18) as $adults
    array.filter_count ($people) if ($this.age > 18) as $adult_count
    array.partition ($people) if ($this.age > 18) as $split
    array.map ($people) {
      by = $this.name|to_upper
    } as $names

    array.group_by ($people) {
      by = $this.age > 18 ? "adult" : "minor"
    } as $groups
  }

  response = {
    first_adult  : $first_adult.name
    nobody       : $nobody
    cy_at        : $cy_at
    zed_at       : $zed_at
    has_minor    : $has_minor
    all_over_ten : $all_over_ten
    vacuous      : $vacuous
    adults       : $adults|map:$$.name
    adult_count  : $adult_count
    split        : $split|map:($$|map:$$.name)
    names        : $names
    groups       : $groups|keys
    minors       : $groups.minor|count
  }
}
// run searches
// expect {"first_adult": "Ada", "nobody": null, "cy_at": 2, "zed_at": -1, "has_minor": true, "all_over_ten": true, "vacuous": true, "adults": ["Ada", "Cy"], "adult_count": 2, "split": [["Ada", "Cy"], ["Bob"]], "names": ["ADA", "BOB", "CY"], "groups": ["adult", "minor"], "minors": 1}

function set_operations {
  input {
  }

  stack {
    array.union ([1, 2, 2]) {
      value = [2, 3]
    } as $union

    array.difference ([1, 2, 3]) {
      value = [2]
    } as $difference

    array.intersection ([1, 2, 3]) {
      value = [3, 2, 5]
    } as $intersection

    array.union ([{id: 1, v: "a"}]) {
      value = [{id: 1, v: "b"}, {id: 2, v: "c"}]
      by = $this.id
    } as $union_by
  }

  response = {union: $union, difference: $difference, intersection: $intersection, union_by: $union_by}
}
// run set_operations
// expect {"union": [1, 2, 3], "difference": [1, 3], "intersection": [2, 3], "union_by": [{"id": 1, "v": "a"}, {"id": 2, "v": "c"}]}

function search_text {
  input {
  }

  stack {
    array.filter ("abc") if (true) as $x
  }

  response = $x
}
// run search_text
// expect error standard
// expect message array.filter needs an array, got text
