// XS0214: a test takes input, datasource and description (then expect.* statements); Xano
// refuses anything else, and a misspelled `inptu` would run the test without its input.
function add {
  input {
    int a
    int b
  }

  stack {
  }

  response = $input.a + $input.b

  test "adds" {
    input = {a: 1, b: 2}
    datasource = "test"
    description = "one and two"
    expect.to_equal ($response) {
      value = 3
    }
  }

  test "typo" {
    inptu = {a: 1, b: 2} // expect error: XS0214
    expect.to_equal ($response) {
      value = 3
    }
  }
}
