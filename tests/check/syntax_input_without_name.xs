// An input declaration needs a type and a name.
function no_name {
  input {
    int // expect error: XS0101
  }

  stack {
  }

  response = null
}
