// Input coercion by declared type (reference §5): values from JSON are cast to the type
// (int from "5", decimal from "1.50", bool from "true"/"1"/0, timestamps from text), and a
// value that cannot be cast is an inputerror (HTTP 400) naming the field in `param`.
// Undeclared fields are dropped.
function types {
  input {
    int? i
    decimal? d
    bool? b
    email? e
    uuid? u
    timestamp? t
    date? day
    json? j
  }

  stack {
  }

  response = $input
}
// run types {"i": "5", "d": "1.50", "b": "true", "e": " ada@example.com ", "u": "550E8400-E29B-41D4-A716-446655440000", "t": "2025-01-15 10:30:00", "day": "2025-01-15", "j": {"any": [1, null]}, "undeclared": 1}
// expect {"i": 5, "d": 1.5, "b": true, "e": "ada@example.com", "u": "550e8400-e29b-41d4-a716-446655440000", "t": 1736937000000, "day": "2025-01-15", "j": {"any": [1, null]}}
// run types {"i": "5.0", "d": 2, "b": "1", "t": 1736937000000}
// expect {"i": 5, "d": 2.0, "b": true, "e": null, "u": null, "t": 1736937000000, "day": null, "j": null}
// run types {"b": 0}
// expect {"i": null, "d": null, "b": false, "e": null, "u": null, "t": null, "day": null, "j": null}
// run types {"b": "false"}
// expect {"i": null, "d": null, "b": false, "e": null, "u": null, "t": null, "day": null, "j": null}
// run types {"t": "now"}
// expect {"i": null, "d": null, "b": null, "e": null, "u": null, "t": "<any>", "day": null, "j": null}
// run types {"i": 5.5}
// expect error inputerror
// expect param i
// expect message i must be an integer, got decimal
// run types {"i": "x"}
// expect error inputerror
// expect param i
// expect message i must be an integer, got text "x"
// run types {"i": true}
// expect error inputerror
// expect param i
// run types {"i": [1]}
// expect error inputerror
// expect param i
// run types {"d": "x"}
// expect error inputerror
// expect param d
// expect message d must be a number
// run types {"b": "yes"}
// expect error inputerror
// expect param b
// expect message b must be true or false
// run types {"e": "not an email"}
// expect error ERROR_CODE_INPUT_ERROR
// expect param e
// expect message e must be a valid email address
// run types {"u": "x"}
// expect error inputerror
// expect param u
// expect message u must be a UUID
// run types {"t": "junk"}
// expect error inputerror
// expect param t
// expect message t must be a timestamp
// run types {"day": "15/01/2025"}
// expect error inputerror
// expect param day
// expect message day must be a date

function text_input {
  input {
    text name
  }

  stack {
  }

  response = $input.name
}
// run text_input {"name": 5}
// expect "5"
// run text_input {"name": {"a": 1}}
// expect error inputerror
// expect param name
// expect message name must be text

function not_an_object {
  input {
    int n
  }

  stack {
  }

  response = $input.n
}
// run not_an_object {"n": 1}
// expect 1
// run not_an_object [1]
// expect error inputerror
// expect message input must be an object, got array
