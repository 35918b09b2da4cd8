// Inside map, filter, some, every, find, findIndex, reduce and transform: $$ (and $this) is the
// element, $index its position, $parent the whole array, $result the reduce accumulator. They
// do not leak: after the filter the names read as they did before.

// eval [5, 6]|map:$index => [0, 1]
// eval [5, 6]|map:$this => [5, 6]
// eval [5, 6]|map:$parent => [[5, 6], [5, 6]]
// eval [5, 6]|map:{v: $$, i: $index, n: $parent|count} => [{"v": 5, "i": 0, "n": 2}, {"v": 6, "i": 1, "n": 2}]
// eval [3, 4, 5]|filter:$index != 1 => [3, 5]
// eval [3, 4, 5]|some:$$ == ($parent|last) => true
// eval [3, 4, 5]|every:$this > $index => true
// eval [3, 4, 5]|find:$index == 2 => 5
// eval [3, 4, 5]|findIndex:$$ == 4 => 1
// eval [1, 2, 3]|reduce:$result * $$:1 => 6
// eval [1, 2, 3]|reduce:($result|push:$$ * $index):[] => [0, 2, 6]
// eval {a: 1}|transform:$$|set:"b":2 => {"a": 1, "b": 2}
// eval [[1, 2], [3, 4]]|map:($$|map:$$ + $index) => [[1, 3], [3, 5]]

function element_scope {
  input {
  }

  stack {
    var $index {
      value = "outer index"
    }

    var $doubled {
      value = [1, 2, 3]|map:$$ * 2 + $index
    }

    array.map ([{email: "a@x.io"}, {email: "b@x.io"}]) {
      by = $this.email
    } as $emails

    array.filter ([1, 5, 10]) if ($this >= 5) as $big
  }

  response = {doubled: $doubled, index: $index, emails: $emails, big: $big}
}
// run element_scope
// expect {"doubled": [2, 5, 8], "index": "outer index", "emails": ["a@x.io", "b@x.io"], "big": [5, 10]}
