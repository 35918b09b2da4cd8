// Array filters: every registered name (aliases included), higher-order filters with $$,
// $index, $parent and $result, and wrong-type errors. lambda_* run JavaScript (tested with Deno
// in xs.services.lambda).

// access
// eval [1, 2, 3]|first => 1
// eval []|first => null
// eval "abc"|first => error expects an array
// eval [1, 2, 3]|last => 3
// eval []|last => null
// eval 5|last => error expects an array
// eval [1, 2, 3]|count => 3
// eval {a: 1, b: 2}|count => 2
// eval []|count => 0
// eval null|count => 0
// eval "abc"|count => error use strlen
// eval [1, 2, 3]|in:2 => true
// eval [1, 2, 3]|in:"2" => true
// eval [1, 2]|in:3 => false
// eval "abc"|in:"b" => error expects an array
// eval [1, 2, 3]|join:"," => "1,2,3"
// eval ["a", "b"]|join => "ab"
// eval "x"|join:"," => error expects an array
// eval [1, 2, 3, 4, 5]|slice:1:2 => [2, 3]
// eval [1, 2, 3, 4, 5]|slice:-2 => [4, 5]
// eval [1, 2, 3]|slice:1 => [2, 3]
// eval [1, 2, 3]|array_slice:1:1 => [2]

// building arrays
// eval (|range:1:5) => [1, 2, 3, 4, 5]
// eval (|range:5:1) => [5, 4, 3, 2, 1]
// eval (|range:0:10:5) => [0, 5, 10]
// eval 5|safe_array => [5]
// eval [5]|safe_array => [5]
// eval null|safe_array => []
// eval [[1, [2]], [3]]|flatten => [1, 2, 3]
// eval [1, [2, [3, [4]]]]|flatten => [1, 2, 3, 4]
// eval [1, 2, 3]|reverse => [3, 2, 1]
// eval "x"|fill:0:3 => ["x", "x", "x"]
// eval 0|array_fill:0:2 => [0, 0]
// eval 0|fill_keys:["a", "b"] => {"a": 0, "b": 0}
// eval "v"|array_fill_keys:["a"] => {"a": "v"}
// eval 0|fill_keys:1 => error expects an array

// adding and removing (each returns a new value)
// eval [1, 2]|push:3 => [1, 2, 3]
// eval [1, 2, 3]|push:[4] => [1, 2, 3, [4]]
// eval [1, 2]|array_push:3 => [1, 2, 3]
// eval [1, 2]|unshift:0 => [0, 1, 2]
// eval [1, 2]|array_unshift:0 => [0, 1, 2]
// eval [1, 2, 3]|pop => 3
// eval [1, 2, 3]|array_pop => 3
// eval [1, 2, 3]|shift => 1
// eval [1, 2, 3]|array_shift => 1
// eval [1, 2, 1, 3]|remove:1 => [2, 3]
// eval [1, 2]|remove:"1" => [2]
// eval [1, 2, 1, 3]|array_remove:1 => [2, 3]
// eval [1, 2]|append:3 => [1, 2, 3]
// eval [1, 2]|prepend:0 => [0, 1, 2]

// aggregates
// eval [1, 2, 3]|sum => 6
// eval [1, 2.5]|sum => 3.5
// eval []|sum => 0
// eval ["a", 1]|sum => error expects an array of numbers
// eval [1, 2, 3]|avg => 2
// eval [1, 2]|avg => 1.5
// eval []|avg => null
// eval [2, 3, 4]|product => 24
// eval [3, 1, 2]|array_max => 3
// eval [3, 1, 2]|array_min => 1

// set operations
// eval [1, 2, 3]|diff:[2] => [1, 3]
// eval [1, 2, 3]|array_diff:[2] => [1, 3]
// eval [1, 2]|diff:"x" => error expects an array
// eval {a: 1, b: 2}|diff_assoc:{a: 1} => {"b": 2}
// eval {a: 1, b: 2}|array_diff_assoc:{a: 1} => {"b": 2}
// eval [1, 2, 3]|intersect:[2, 3, 4] => [2, 3]
// eval [1, 2, 3]|array_intersect:[2] => [2]
// eval {a: 1, b: 2}|intersect_assoc:{a: 1, b: 3} => {"a": 1}
// eval {a: 1, b: 2}|array_intersect_assoc:{a: 1} => {"a": 1}
// eval [1, 2]|merge:[3] => [1, 2, 3]
// eval {a: 1}|merge:{b: 2} => {"a": 1, "b": 2}
// eval [1, 2]|array_merge:[3] => [1, 2, 3]
// eval [1, 2, 3]|merge:"x" => error cannot merge
// eval {a: {x: 1}}|merge_recursive:{a: {y: 2}} => {"a": {"x": 1, "y": 2}}
// eval {a: {x: 1}}|array_merge_recursive:{a: {y: 2}} => {"a": {"x": 1, "y": 2}}
// eval [1, 2, 2, 3, 1]|unique => [1, 2, 3]
// eval [[1], [1], [2]]|unique => [[1], [2]]
// eval [{id: 1}, {id: 1}, {id: 2}]|unique:id => [{"id": 1}, {"id": 2}]

// sorting and shuffling
// eval [3, 1, 2]|sort => [1, 2, 3]
// eval [{n: 3}, {n: 1}]|sort:n:number => [{"n": 1}, {"n": 3}]
// eval [{n: 3}, {n: 1}, {n: 2}]|sort:n:number:true => [{"n": 3}, {"n": 2}, {"n": 1}]
// eval [{n: "b"}, {n: "A"}, {n: "c"}]|sort:n:itext => [{"n": "A"}, {"n": "b"}, {"n": "c"}]
// eval [{n: 10}, {n: 9}]|sort:"n":"number"|reverse|first => {"n": 10}
// eval ["b", "a"]|fsort => ["a", "b"]
// eval [1, 2, 3]|shuffle|sort => [1, 2, 3]
// eval [1, 2, 3]|array_shuffle|count => 3

// the filter_* family
// eval [1, null, 0, "", 2]|filter_empty => [1, 2]
// eval [{a: 1}, {a: null}, {a: 2}]|filter_empty:a => [{"a": 1}, {"a": 2}]
// eval [1, null, 0, "", 2, false]|filter_null => [1, 0, "", 2, false]
// eval ["", null, "a"]|filter_empty_text => [null, "a"]
// eval [[], [1]]|filter_empty_array => [[1]]
// eval [{}, {a: 1}]|filter_empty_object => [{"a": 1}]
// eval [0, 1, 0]|filter_zero => [1]
// eval [false, true]|filter_false => [true]

// grouping
// eval [{g: "a", v: 1}, {g: "b", v: 2}, {g: "a", v: 3}]|index_by:g => {"a": [{"g": "a", "v": 1}, {"g": "a", "v": 3}], "b": [{"g": "b", "v": 2}]}

// higher-order filters: $$ (or $this) is the element, $index its position, $parent the array,
// $result the accumulator of reduce (expression first, then the initial value)
// eval [1, 2, 3]|map:$$ * 2 => [2, 4, 6]
// eval [1, 2, 3]|map:$this + 1 => [2, 3, 4]
// eval [1, 2, 3]|map:$$ + $index => [1, 3, 5]
// eval [1, 2]|map:$parent|count => 2
// eval [{r: 1}, {r: 2}]|map:$$.r * 10 => [10, 20]
// eval [{r: 1}, {r: 2}]|map:"r" => [1, 2]
// eval [{total: 5}, {total: 7}]|map:$$.total|sum => 12
// eval [1, 2, 3]|filter:$$ > 1 => [2, 3]
// eval [1, 2, 3]|filter:$index > 0 => [2, 3]
// eval [{s: "paid"}, {s: "open"}, {s: "paid"}]|filter:$$.s == "paid"|count => 2
// eval [1, 2, 3]|every:$$ > 0 => true
// eval [1, 2, 3]|every:$$ > 1 => false
// eval []|every:$$ > 1 => true
// eval [1, 2, 3]|some:$$ > 2 => true
// eval []|some:$$ > 1 => false
// eval [1, 2, 3]|find:$$ > 1 => 2
// eval [1, 2, 3]|find:$$ > 5 => null
// eval [1, 2, 3]|findIndex:$$ > 1 => 1
// eval [1, 2, 3]|findIndex:$$ > 5 => -1
// eval [1, 2, 3]|reduce:$result + $$:10 => 16
// eval [1, 2, 3]|reduce:$result ~ $$:"" => "123"
// eval []|reduce:$result + $$:5 => 5
// eval [[1, 2], [3]]|map:($$|map:$$ * 10) => [[10, 20], [30]]
// eval 5|map:$$ => error

// lambda_* run JavaScript on api.lambda's runtime; the corpus has none, so each says it needs one
// eval [1, 2]|lambda:"return 1" => error needs a JavaScript runtime
// eval [1, 2]|lambda_map:"return $this" => error needs a JavaScript runtime
// eval [1, 2]|lambda_filter:"return true" => error needs a JavaScript runtime
// eval [1, 2]|lambda_every:"return true" => error needs a JavaScript runtime
// eval [1, 2]|lambda_some:"return true" => error needs a JavaScript runtime
// eval [1, 2]|lambda_find:"return true" => error needs a JavaScript runtime
// eval [1, 2]|lambda_findIndex:"return true" => error needs a JavaScript runtime
// eval [1, 2]|lambda_reduce:0:"return 1" => error needs a JavaScript runtime
// eval [1, 2]|lambda_map:5 => error needs JavaScript code as text
