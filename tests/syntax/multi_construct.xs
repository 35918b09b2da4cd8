// Several constructs in one file: blank lines between some, --- separators (of any length)
// between others, a trailing separator, and no newline at the end of the file.
function a {
  input {
  }
  stack {
  }
  response = 1
}
function b {
  input {
  }
  stack {
  }
  response = 2
}

---
table c {
  schema {
    int id
  }
}
-----
realtime_channel d {
  settings = {presence: true}
}
---
function "last" {
  input {
  }
  stack {
  }
  response = "no newline at end"
}