// Middleware attached by a query, function, task, tool, api group or branch.xs must name a
// middleware block: a name none declares is not run (Xano keeps the entry after the middleware is
// deleted). An entry with an empty name is a slot left unset in Xano's editor and is fine.
function unknown_middleware {
  input {
  }

  stack {
  }

  response = null
  middleware = {pre: [{name: "gate"}, {name: ""}], post: [{name: "nowhere"}]} // expect warning: XS0223
}
---
task unknown_task_middleware {
  stack {
  }

  middleware = {pre: [{name: ""}], post: [{name: ""}]}
}
---
middleware gate {
  stack {
  }

  response = null
}
