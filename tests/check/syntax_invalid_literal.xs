// Literals that cannot be represented: an integer beyond 64 bits, an impossible timestamp.
function literals {
  input {
  }

  stack {
    var $big {
      value = 99999999999999999999 // expect error: XS0110
    }

    var $largest {
      value = 9223372036854775807
    }
  }

  response = $big
}
---
task t {
  stack {
  }

  schedule = [
    {starts_on: 2025-13-45 09:00:00+0000, freq: 86400} // expect error: XS0110
  ]
}
