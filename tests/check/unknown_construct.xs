// XS0219: a construct kind Xano does not have is an error: Xano refuses to save it, and xs run
// would only say "no function named typo".
fuction typo { // expect error: XS0219
  input {
  }

  stack {
  }

  response = 1
}
---
widget w { // expect error: XS0219
  size = 1
}
---
workspace main {
  env = {}
}
