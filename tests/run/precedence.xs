// Precedence (reference §7.2 recommendation), lowest first: ternary and ?:, ??, ||, &&,
// comparison (with .. and the where operators), ~, + -, * / %, unary ! and -, postfix
// (member, index, filters). A filter binds to the operand on its left; a filter argument takes
// operators up to the next | or :.

// eval 1 + 2 * 3 => 7
// eval (1 + 2) * 3 => 9
// eval 2 * 3 % 4 => 2
// eval 10 - 4 / 2 => 8
// eval 8 / 2 / 2 => 2
// eval 1 + 2 ~ "x" => "3x"
// eval "x" ~ 1 + 2 => "x3"
// eval "a" ~ "b" == "ab" => true
// eval 1 < 2 == true => true
// eval 1 + 1 == 2 && 3 > 2 => true
// eval true || false && false => true
// eval (true || false) && false => false
// eval null ?? 1 + 1 => 2
// eval false || null ?? true => false
// eval null ?? false || true => true
// eval 1 == 1 ? "y" : "n" => "y"
// eval !1 == false => true
// eval !(1 == 2) => true
// eval -2 * 3 => -6
// eval 2 - -1 => 3
// eval -5|abs => 5
// eval - 5|abs => -5
// eval [1, 2, 3]|count > 2 => true
// eval ([1, 2, 3]|count) + 1 => 4
// eval [1, 2, 3]|first + 1 => 2
// eval 1|add:1 + 2 => 4
// eval "a" ~ "b"|to_upper => "aB"
// eval ("a" ~ "b")|to_upper => "AB"
// eval {}|get:"a" ~ "b":"none" => "none"
// eval [1, 2, 3]|map:$$ * 2|sum => 12
// eval [{s: "paid"}, {s: "open"}]|filter:$$.s == "paid"|count => 1
// eval 1..3|count => error
// eval (1..3)|count => 3
