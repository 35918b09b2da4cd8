// XS0207: two constructs of the same kind and name (a query also by verb).
function same {
  input {
  }

  stack {
  }

  response = 1
}
---
function same { // expect error: XS0207
  input {
  }

  stack {
  }

  response = 2
}
---
query "items" verb=GET {
  input {
  }

  stack {
  }

  response = []
}
---
query "items" verb=POST {
  input {
  }

  stack {
  }

  response = []
}
---
query "items" verb=GET { // expect error: XS0207
  input {
  }

  stack {
  }

  response = []
}
---
// A table may share a function's name.
table same {
  schema {
    int id
  }
}
