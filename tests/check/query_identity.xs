// XS0207: a query is one endpoint per (api group, verb, path). Real exports serve the same path
// in several groups ("candidates" and "prospects" both have countries) and with several verbs;
// only the same group, verb and path twice is a duplicate.
query countries verb=GET {
  api_group = "candidates"
  input {
  }

  stack {
  }

  response = ["CO", "MX"]
}
---
query countries verb=GET {
  api_group = "prospects"
  input {
  }

  stack {
  }

  response = ["CO"]
}
---
query countries verb=POST {
  api_group = "prospects"
  input {
  }

  stack {
  }

  response = "added"
}
---
query countries verb=POST { // expect error: XS0207
  api_group = "prospects"
  input {
  }

  stack {
  }

  response = "added again"
}
