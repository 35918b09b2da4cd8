// XS0220: every construct needs its name; `function {` is a learner's mistake Xano refuses.
function { // expect error: XS0220
  input {
  }

  stack {
  }

  response = 1
}
