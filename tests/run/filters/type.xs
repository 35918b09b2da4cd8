// Type filters: conversions (PHP-flavoured, as in Xano), type tests, not, comparisons and
// their deprecated aliases, for every registered name.

// to_text
// eval 5|to_text => "5"
// eval 1.50|to_text => "1.5"
// eval true|to_text => "true"
// eval null|to_text => ""
// eval [1, "a"]|to_text => "[1,\"a\"]"
// eval {a: 1}|to_text => "{\"a\":1}"

// to_int: leading digits of text, truncation of decimals
// eval "133.45 kg"|to_int => 133
// eval "12abc"|to_int => 12
// eval "abc"|to_int => 0
// eval 3.9|to_int => 3
// eval -3.9|to_int => -3
// eval true|to_int => 1
// eval null|to_int => 0
// eval "1e3"|to_int => 1000
// eval "2"|to_int|add:1 => 3

// to_decimal
// eval "3.5"|to_decimal => 3.5
// eval 5|to_decimal => 5.0
// eval "abc"|to_decimal => 0.0

// to_bool: true/false words, numbers and emptiness
// eval "true"|to_bool => true
// eval "false"|to_bool => false
// eval "yes"|to_bool => true
// eval "no"|to_bool => false
// eval "on"|to_bool => true
// eval "off"|to_bool => false
// eval "1"|to_bool => true
// eval "0"|to_bool => false
// eval ""|to_bool => false
// eval "abc"|to_bool => true
// eval 0|to_bool => false
// eval [] |to_bool => false

// type tests
// eval null|is_null => true
// eval 0|is_null => false
// eval null|null => true
// eval ""|is_empty => true
// eval "0"|is_empty => true
// eval [] |is_empty => true
// eval {}|is_empty => true
// eval 0|is_empty => true
// eval " "|is_empty => false
// eval "x"|empty => false
// eval {}|is_object => true
// eval []|is_object => false
// eval []|is_array => true
// eval {}|is_array => false
// eval 1|is_int => true
// eval "1"|is_int => false
// eval 1.0|is_decimal => true
// eval 1|is_decimal => false
// eval true|is_bool => true
// eval 1|is_bool => false
// eval "a"|is_text => true
// eval 1|is_text => false
// eval "550e8400-e29b-41d4-a716-446655440000"|is_uuid => true
// eval "nope"|is_uuid => false

// not
// eval true|not => false
// eval 0|not => true
// eval ""|not => true
// eval [1]|not => false

// comparisons (loose, like ==) and the deprecated short names
// eval 1|equals:"1" => true
// eval 1|equals:1.0 => true
// eval "a"|equals:"b" => false
// eval 1|eq:1 => true
// eval 1|not_equals:2 => true
// eval 1|ne:1 => false
// eval 2|greater_than:1 => true
// eval "abc"|greater_than:"abd" => false
// eval 3|gt:2 => true
// eval 2|greater_than_or_equal:2 => true
// eval 3|gte:4 => false
// eval 1|less_than:2 => true
// eval 1|lt:2 => true
// eval 2|less_than_or_equal:1 => false
// eval 1|lte:1 => true
