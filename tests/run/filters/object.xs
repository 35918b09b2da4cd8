// Object filters: every registered name (aliases included) and wrong-type errors. Paths are
// dotted ("a.b", "0.n" for arrays); each filter returns a new value.

// get:path[:default]
// eval {a: {b: 1}}|get:"a.b" => 1
// eval {a: 1}|get:"x" => null
// eval {a: 1}|get:"x":"d" => "d"
// eval {a: null}|get:"a":"d" => "d"
// eval {a: 0}|get:"a":"d" => 0
// eval [10, 20]|get:1 => 20
// eval [{n: 1}]|get:"0.n" => 1
// eval "x"|get:"a" => null
// eval {ab: 1}|get:"a" ~ "b" => 1

// has:path
// eval {a: 1}|has:"a" => true
// eval {a: {b: null}}|has:"a.b" => true
// eval {a: 1}|has:"b" => false

// set:path:value and its conditional forms. Setting 0 writes the key (the reported Xano quirk
// of skipping 0 is unverified; xs writes what the script says).
// eval {}|set:"a.b":1 => {"a": {"b": 1}}
// eval {a: 1}|set:"a":2 => {"a": 2}
// eval {}|set:"k":0 => {"k": 0}
// eval [1, 2]|set:0:9 => [9, 2]
// eval {}|set:"a":1|set:"b":2 => {"a": 1, "b": 2}
// eval "x"|set:"a":1 => error expects an object or array
// eval {}|set_conditional:"a":1:true => {"a": 1}
// eval {}|set_conditional:"a":1:false => {}
// eval {}|set_ifnotempty:"a":"" => {}
// eval {}|set_ifnotempty:"a":"x" => {"a": "x"}
// eval {}|set_ifnotnull:"a":null => {}
// eval {}|set_ifnotnull:"a":0 => {"a": 0}

// unset:path
// eval {a: 1, b: 2}|unset:"a" => {"b": 2}
// eval {a: {b: 1, c: 2}}|unset:"a.b" => {"a": {"c": 2}}
// eval {a: 1}|unset:"zz" => {"a": 1}

// keys, values, entries (and the array_ aliases)
// eval {a: 1, b: 2}|keys => ["a", "b"]
// eval [5, 6]|keys => [0, 1]
// eval "x"|keys => error expects an object or array
// eval {a: 1, b: 2}|values => [1, 2]
// eval {a: 1, b: 2}|entries => [{"key": "a", "value": 1}, {"key": "b", "value": 2}]
// eval {a: 1}|array_keys => ["a"]
// eval {a: 1}|array_values => [1]
// eval {a: 1}|array_entries => [{"key": "a", "value": 1}]

// building objects
// eval ["a", "b"]|create_object:[1, 2] => {"a": 1, "b": 2}
// eval ["a", "b"]|create_object:[1] => error as many values as keys
// eval [{key: "a", value: 1}, {key: "b", value: [2]}]|create_object_from_entries => {"a": 1, "b": [2]}
// eval {a: 1, b: 2, c: 3}|pick:[a, c] => {"a": 1, "c": 3}
// eval {a: 1}|pick:"a" => {"a": 1}
// eval {a: 1, b: 2, c: 3}|unpick:[a] => {"b": 2, "c": 3}

// fallbacks
// eval null|first_notnull:5 => 5
// eval 0|first_notnull:5 => 0
// eval null|first_notempty:5 => 5
// eval 0|first_notempty:5 => 5
// eval "x"|first_notempty:5 => "x"

// transform:expr evaluates the expression with $$ bound to the subject
// eval {a: 1}|transform:$$.a + 1 => 2
// eval 5|transform:$$ * 2 => 10
// eval [1, 2]|transform:($$|count) => 2
