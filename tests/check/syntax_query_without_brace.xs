// A construct's body starts with '{' on the header line.
query "users" verb=GET // expect error: XS0101
  stack {
  }
} // expect error: XS0103
