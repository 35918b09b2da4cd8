// Operators outside where clauses (reference §7.2): arithmetic keeps ints exact, ~ joins text,
// ?? replaces only null, ?: (elvis) replaces any falsy value, ternary, .. builds an inclusive
// range, in / contains / includes / like / ilike / @> / between / overlaps test values.
// && and || give booleans (PHP's reading; the docs' "first truthy operand" is unverified).

// arithmetic
// eval 1 + 2 => 3
// eval 1 + 2.5 => 3.5
// eval "3" + 4 => 7
// eval null + 1 => 1
// eval true + 1 => 2
// eval "a" + 1 => error use ~ to join text
// eval [1] + 1 => error cannot apply '+'
// eval 10 - 2 - 3 => 5
// eval 6 * 7 => 42
// eval 0.1 * 3 => 0.3
// eval 10 / 4 => 2.5
// eval 10 / 5 => 2
// eval 1 / 0 => error division by zero
// eval 7 % 3 => 1
// eval -7 % 3 => -1
// eval 7 % 0 => error modulo by zero
// eval 9223372036854775807 + 1 => 9223372036854775808.0
// eval -(3) => -3
// eval -"x" => error cannot negate

// ~ joins the text forms
// eval "a" ~ 1 ~ true ~ null => "a1true"
// eval 1 ~ 2 => "12"
// eval "x" ~ [1, 2] => "x[1,2]"
// eval "x" ~ 1.50 => "x1.5"

// ??, ?: and the ternary
// eval null ?? "d" => "d"
// eval 0 ?? "d" => 0
// eval false ?? "d" => false
// eval "" ?? "d" => ""
// eval null ?? null ?? 3 => 3
// eval 0 ?: "d" => "d"
// eval "" ?: "d" => "d"
// eval "x" ?: "d" => "x"
// eval true ? "y" : "n" => "y"
// eval 0 ? "y" : "n" => "n"
// eval 1 ? (2 ? "a" : "b") : "c" => "a"
// eval null ? 1 : null ? 2 : 3 => 3

// logic
// eval true && false => false
// eval 1 && "a" => true
// eval 0 || "" => false
// eval null || "x" => true
// eval !true || true => true

// ranges
// eval 1..3 => [1, 2, 3]
// eval 3..1 => [3, 2, 1]
// eval 1..1 => [1]
// eval "1".."3" => [1, 2, 3]
// eval "a"..3 => error a range needs two integers

// membership and matching
// eval 2 in [1, 2] => true
// eval "2" in [1, 2] => true
// eval 3 not in [1, 2] => true
// eval "b" in {b: 1} => true
// eval "ell" in "hello" => true
// eval [1, 2] contains 2 => true
// eval [1, 2] not contains 3 => true
// eval "hello" contains "ell" => true
// eval "Hello" includes "ELL" => true
// eval "hello" not includes "x" => true
// eval "hello" like "h%o" => true
// eval "hello" like "h_llo" => true
// eval "hello" like "H%" => false
// eval "hello" ilike "H%" => true
// eval "hello" not like "x%" => true
// eval "hello" not ilike "H%" => false
// eval "hello" !~ "^h" => false
// eval "hello" !~ "^x" => true
// eval {a: 1, b: {c: 2}} @> {b: {c: 2}} => true
// eval {a: 1} @> {a: 2} => false
// eval [1, 2, 3] @> [1, 3] => true
// eval 5 between 1:10 => true
// eval 5 between 6:10 => false
// eval 5 not between 1:4 => true
// eval [1, 2] overlaps [2, 3] => true
// eval [1, 2] not overlaps [3] => true
