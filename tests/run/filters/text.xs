// Text filters: every registered name (aliases included) and wrong-type errors. Regex filters
// take the pattern as the subject and the text as the argument; encodings are listed here too.

// trimming and case
// eval "  a b  "|trim => "a b"
// eval "xxaxx"|trim:"x" => "a"
// eval null|trim => ""
// eval {a: 1}|trim => error expects text
// eval "  a "|ltrim => "a "
// eval "xxa"|ltrim:"x" => "a"
// eval "  a "|rtrim => "  a"
// eval "axx"|rtrim:"x" => "a"
// eval "ABC"|to_lower => "abc"
// eval "ÄÖ"|to_lower => "äö"
// eval "ABC"|lower => "abc"
// eval "abc"|to_upper => "ABC"
// eval 5|to_upper => "5"
// eval "abc"|upper => "ABC"
// eval "hello world"|capitalize => "Hello World"
// eval "hELLO wORLD"|capitalize => "HELLO WORLD"

// length, pieces, joining
// eval "héllo"|strlen => 5
// eval ""|strlen => 0
// eval 123|strlen => 3
// eval [1]|strlen => error expects text
// eval "hello"|substr:1:3 => "ell"
// eval "hello"|substr:-3 => "llo"
// eval "hello"|substr:1 => "ello"
// eval "abc"|substr:10 => ""
// eval "a,b,c"|split:"," => ["a", "b", "c"]
// eval "abc"|split:"" => ["a", "b", "c"]
// eval [1]|split:"," => error expects text
// eval "a b a"|replace:"a":"x" => "x b x"
// eval "a b"|string_replace:" ":"_" => "a_b"
// eval "Hello"|concat:"World":" - " => "Hello - World"
// eval "Hello"|concat:"World" => "HelloWorld"
// eval "ab"|concat:null => "ab"
// eval "%s is %d years"|sprintf:"Bob":42 => "Bob is 42 years"
// eval "%05.2f"|sprintf:3.14159 => "03.14"
// eval "%s"|sprintf => error the format needs

// searching
// eval "hello"|index:"l" => 2
// eval "hello"|index:"z" => false
// eval "HELLO"|iindex:"l" => 2
// eval "hello"|strpos:"l" => 2
// eval "HELLO"|stripos:"l" => 2
// eval "hello"|starts_with:"he" => true
// eval "hello"|starts_with:"lo" => false
// eval "Hello"|istarts_with:"he" => true
// eval "hello"|ends_with:"lo" => true
// eval "HELLO"|iends_with:"lo" => true
// eval "hello"|contains:"ell" => true
// eval "hello"|contains:"ELL" => false
// eval "HELLO"|icontains:"ell" => true

// markup, accents, escapes
// eval "<b>bold</b> text"|strip_html => "bold text"
// eval "<b>x</b>"|strip_tags => "x"
// eval "héllo àç"|unaccent => "hello ac"
// eval "héllo"|strip_accents => "hello"
// eval "it's \"q\""|addslashes => "it\\'s \\\"q\\\""
// eval "a\tb\nc"|escape => "a\\tb\\nc"
// eval "a\nb"|text_escape => "a\\nb"
// eval "a\\nb"|text_unescape => "a\nb"

// regular expressions: pattern|filter:subject
// eval "/^a.*c$/"|regex_matches:"abc" => true
// eval "/^a.*c$/i"|regex_matches:"ABC" => true
// eval "/^a.*c$/"|regex_test:"abd" => false
// eval "/[0-9]+/"|regex_match:"a1" => ["1"]
// eval "/[0-9]+/"|regex_get_first_match:"ab12cd34" => ["12"]
// eval "/([a-z])([0-9])/"|regex_get_first_match:"x1" => ["x1", "x", "1"]
// eval "/[0-9]+/"|regex_get_all_matches:"ab12cd34" => [["12", "34"]]
// eval "/[0-9]+/"|regex_match_all:"a1b22" => [["1", "22"]]
// eval "/[0-9]+/"|regex_replace:"#":"ab12cd34" => "ab#cd#"
// eval "a.b*c"|regex_quote => "a\\.b\\*c"
// eval "/(/"|regex_matches:"x" => error invalid regular expression

// encodings
// eval (|list_encodings)|in:"UTF-8" => true
// eval (|list_encodings)|in:"ISO-8859-1" => true
// eval "é"|detect_encoding => "UTF-8"
// eval "é"|from_utf8|strlen => 1
// eval "abc"|detect_encoding => "ASCII"
// eval "abc"|to_utf8 => "abc"
// eval "abc"|from_utf8 => "abc"
// eval "abc"|convert_encoding:"UTF-8":"ISO-8859-1" => "abc"
// eval "%s"|sprintf => error needs 1 argument, got 0
