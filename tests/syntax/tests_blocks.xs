// Unit tests inside a function: test blocks with expect statements over $response.
function "math/add" {
  input {
    int a
    int b?=0
  }

  stack {
    var $sum {
      value = $input.a + $input.b
    }
  }

  response = $sum

  test "adds two numbers" {
    input = {a: 1, b: 2}
    expect.to_equal ($response) {
      value = 3
    }
  }

  test "b defaults to zero" {
    input = {a: 5}
    expect.to_be_true ($response == 5)
    expect.to_be_defined ($response)
  }
}
