// Math filters: one or more `// eval` lines for every registered name (aliases included),
// with wrong-type errors. Ints stay ints while the result is whole; irrational results are
// decimals (compared after rounding).

// add, subtract, multiply, divide, modulus and their short aliases
// eval 5|add:3 => 8
// eval 5|add:2.5 => 7.5
// eval "5"|add:1 => 6
// eval null|add:1 => 1
// eval 9223372036854775807|add:1 => 9223372036854775808.0
// eval "abc"|add:1 => error expects a number
// eval 5|add:"x" => error expects a number
// eval 5|subtract:7 => -2
// eval 1.5|subtract:0.5 => 1.0
// eval 5|sub:1 => 4
// eval 4|multiply:2.5 => 10.0
// eval 6|mul:7 => 42
// eval 10|divide:4 => 2.5
// eval 10|divide:5 => 2
// eval 1|divide:3|round:4 => 0.3333
// eval 10|div:0 => error division by zero
// eval 10|divide:2|add:1 => 6
// eval 10|modulus:3 => 1
// eval -10|modulus:3 => -1
// eval 10.5|mod:3 => 1.5
// eval 7|mod:0 => error

// abs, sqrt, pow, exp, logarithms
// eval -5|abs => 5
// eval -2.5|abs => 2.5
// eval 3|abs => 3
// eval [1]|abs => error expects a number
// eval 16|sqrt => 4.0
// eval 2|sqrt|round:6 => 1.414214
// eval -1|sqrt => error negative
// eval "x"|sqrt => error expects a number
// eval 2|pow:10 => 1024
// eval 2|pow:-1 => 0.5
// eval 9|pow:0.5 => 3.0
// eval 0|exp => 1.0
// eval 1|exp|round:5 => 2.71828
// eval 100|log:10 => 2.0
// eval 8|log:2 => 3.0
// eval 1|ln => 0.0
// eval 1|log => 0.0
// eval 1000|log10 => 3.0
// eval 0|log10 => error not a finite number

// rounding
// eval 2.4|floor => 2
// eval -2.4|floor => -3
// eval 2.1|ceil => 3
// eval -2.1|ceil => -2
// eval 2.5|round => 3
// eval 2.4|round => 2
// eval -2.5|round => -3
// eval 3.14159|round:2 => 3.14
// eval 1234.5678|round:-2 => 1200
// eval "2.6"|round => 3
// eval true|floor => 1

// min and max of the subject and the argument
// eval 3|min:5 => 3
// eval 3|max:5 => 5
// eval 3.5|max:2 => 3.5
// eval 3|num_min:1 => 1
// eval 3|num_max:9 => 9

// trigonometry (radians)
// eval 0|sin => 0.0
// eval 0|cos => 1.0
// eval 0|tan => 0.0
// eval 1|asin|round:4 => 1.5708
// eval 1|acos => 0.0
// eval 1|atan|round:4 => 0.7854
// eval 0|asinh => 0.0
// eval 1|acosh => 0.0
// eval 0|atanh => 0.0
// eval 180|deg2rad|round:5 => 3.14159
// eval 3.141592653589793|rad2deg|round:6 => 180.0
// eval "pi"|sin => error expects a number

// number_format:decimals:point:thousands
// eval 1234567.891|number_format:2:".":"," => "1,234,567.89"
// eval 1234567.891|number_format => "1,234,568"
// eval 1234.5|number_format:2:",":"." => "1.234,50"
// eval 0.5|number_format:0 => "1"
// eval -1234.567|number_format:1 => "-1,234.6"

// bitwise
// eval 12|bitwise_and:10 => 8
// eval 12|bitwise_or:3 => 15
// eval 12|bitwise_xor:10 => 6
// eval 0|bitwise_not => -1
// eval 5|bitwise_not => -6
// eval 1.5|bitwise_and:1 => 1

// parity
// eval 3|odd => true
// eval 4|odd => false
// eval 4|even => true
// eval -3|even => false
// eval 0|even => true

// bases
// eval 255|dechex => "ff"
// eval "ff"|hexdec => 255
// eval "FF"|hexdec => 255
// eval 10|decbin => "1010"
// eval "1010"|bindec => 10
// eval 8|decoct => "10"
// eval "17"|octdec => 15
// eval "ff"|base_convert:16:2 => "11111111"
// eval "255"|base_convert:10:16 => "ff"
// eval "zz"|base_convert:36:10 => "1295"
