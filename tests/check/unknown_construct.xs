// XS0219: a construct kind Xano does not have (a typo is likely).
fuction typo { // expect warning: XS0219
  input {
  }

  stack {
  }

  response = 1
}
---
widget w { // expect warning: XS0219
  size = 1
}
---
workspace main {
  env = {}
}
