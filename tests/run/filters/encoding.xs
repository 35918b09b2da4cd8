// Encoding and data-format filters: every registered name with wrong-input errors.

// JSON
// eval {a: 1}|json_encode => "{\"a\":1}"
// eval null|json_encode => "null"
// eval "a\"b"|json_encode => "\"a\\\"b\""
// eval "{\"a\":[1,2.5,null]}"|json_decode => {"a": [1, 2.5, null]}
// eval "[1,\"a\",{\"b\":true}]"|json_decode => [1, "a", {"b": true}]
// eval "1"|json_decode => 1
// eval "nope"|json_decode => error invalid JSON
// eval {a: [1, {b: "c"}]}|json_encode|json_decode => {"a": [1, {"b": "c"}]}

// XML and YAML
// eval "<a><b>1</b><b>2</b></a>"|xml_decode => {"a": {"@attributes": [], "value": [{"b": {"@attributes": [], "value": "1"}}, {"b": {"@attributes": [], "value": "2"}}]}}
// eval "<r a=\"1\">t</r>"|xml_decode => {"r": {"@attributes": {"a": "1"}, "value": "t"}}
// eval {a: 1, b: [1, 2]}|yaml_encode => "a: 1\nb:\n- 1\n- 2\n"
// eval "a: 1\nb: [1, 2]"|yaml_decode => {"a": 1, "b": [1, 2]}
// eval "x: [1"|yaml_decode => error invalid YAML

// CSV
// eval "a,b\n1,2\n3,4"|csv_parse => [{"a": "1", "b": "2"}, {"a": "3", "b": "4"}]
// eval "a;b\n1;2"|csv_parse:";" => [{"a": "1", "b": "2"}]
// eval "a,b\n1,2"|csv_decode => [["a", "b"], ["1", "2"]]
// eval "a,b\n\"x,y\",2"|csv_decode => [["a", "b"], ["x,y", "2"]]
// eval [["a", "b"], [1, 2]]|csv_encode => "a,b\n1,2\n"
// eval [{a: 1, b: 2}, {a: 3, b: 4}]|csv_encode => "a,b\n1,2\n3,4\n"
// eval ["a", "b"]|csv_create:[[1, 2], {a: 3, b: 4}] => "a,b\n1,2\n3,4\n"

// URLs and query strings
// eval "Hello, World!"|url_encode => "Hello%2C%20World%21"
// eval "a~b"|url_encode => "a%7Eb"
// eval "a+b%26c"|url_decode => "a b&c"
// eval "a~b c"|url_encode_rfc3986 => "a~b%20c"
// eval "a+b%20c"|url_decode_rfc3986 => "a+b c"
// eval "http://x.com/p?a=1"|url_addarg:"b":"2" => "http://x.com/p?a=1&b=2"
// eval "http://x.com/p"|url_addarg:"q":"x y" => "http://x.com/p?q=x+y"
// eval "http://x.com/p?a=1&b=2"|url_delarg:"a" => "http://x.com/p?b=2"
// eval "http://x.com/p?a=1"|url_hasarg:"a" => true
// eval "http://x.com/?a=1"|url_hasarg:"zz" => false
// eval "http://x.com/p?a=1"|url_getarg:"a" => "1"
// eval "https://u:p@x.com:8080/p/q?a=1#f"|url_parse => {"scheme": "https", "host": "x.com", "port": 8080, "user": "u", "pass": "p", "path": "/p/q", "query": "a=1", "fragment": "f"}
// eval "a=1&b[]=2&b[]=3"|querystring_parse => {"a": "1", "b": ["2", "3"]}

// base64 and hex
// eval "hello"|base64_encode => "aGVsbG8="
// eval "aGVsbG8="|base64_decode => "hello"
// eval "%%%"|base64_decode => error not base64
// eval [1]|base64_encode => error expects text
// eval "??>"|base64_encode_urlsafe => "Pz8-"
// eval "Pz8-"|base64_decode_urlsafe => "??>"
// eval "hi"|bin2hex => "6869"
// eval "é"|bin2hex => "c3a9"
// eval "6869"|hex2bin => "hi"
// eval "zz"|hex2bin => error hex
// eval "zz"|hex2bin => error expects hex digits
// eval "abc"|hex2bin => error even number of hex digits
