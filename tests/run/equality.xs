// Loose == compares across types the PHP way (1 == "1", numeric texts as numbers, booleans by
// truthiness, null equal to the empty values); strict === needs the same type and value
// (1 and 1.0 differ). Ordering < > compares numbers and numeric text by value.

// eval 1 == "1" => true
// eval 1 == 1.0 => true
// eval 1 == "01" => true
// eval "1" == "01" => true
// eval "1e3" == "1000" => true
// eval " 1" == "1" => true
// eval "abc" == "abc" => true
// eval "abc" == "ABC" => false
// eval "abc" == 0 => false
// eval "" == "0" => false
// eval true == "true" => true
// eval "abc" == true => true
// eval 0 == false => true
// eval "" == false => true
// eval "0" == false => true
// eval null == false => true
// eval null == 0 => true
// eval null == "" => true
// eval null == [] => true
// eval null == "0" => false
// eval null == null => true
// eval [1, 2] == [1, 2] => true
// eval [1, "2"] == [1, 2] => true
// eval [1, 2] == [2, 1] => false
// eval {a: 1, b: 2} == {b: 2, a: 1} => true
// eval {a: 1} == {a: 1, b: null} => false
// eval 1 != "1" => false
// eval 1 != 2 => true

// eval 1 === 1 => true
// eval 1 === 1.0 => false
// eval 1 === "1" => false
// eval "a" === "a" => true
// eval null === false => false
// eval null === null => true
// eval [1, 2] === [1, 2] => true
// eval [1, "2"] === [1, 2] => false
// eval 1 !== "1" => true
// eval 1 !== 1 => false

// eval 2 > "10" => false
// eval "2" > "10" => false
// eval "b" > "a" => true
// eval "abc" < "abd" => true
// eval null < 1 => true
// eval 1.5 >= 1 => true
// eval 2 <= 2.0 => true
// eval false < true => true
