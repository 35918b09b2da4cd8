function "add" {
  input {
    int a
    int b?=10
  }
  stack {
    var $sum {
      value = $input.a + $input.b
    }
  }
  response = {sum: $sum, half: $sum / 2, text: "sum=" ~ $sum}
}
// run add {"a": 1, "b": 2}
// expect {"sum": 3, "half": 1.5, "text": "sum=3"}
// run add {"a": "5"}
// expect {"sum": 15, "half": 7.5, "text": "sum=15"}
// run add {"a": "x"}
// expect error inputerror
// expect param a
// eval 1 + 2 * 3 => 7
// eval [1,2,3]|map:$$ * 2 => [2, 4, 6]
