// Functions, a task and tools with and without middleware of their own.
function own_fn {
  input {
    text trail?
  }

  stack {
  }

  response = {trail: $input.trail}
  middleware = {pre: [{name: "own_tag"}], post: [{name: "stamp"}]}
}
---
function plain_fn {
  input {
    text trail?
  }

  stack {
  }

  response = {trail: $input.trail}
}
---
// Every slot unset: the function sets its middleware to none, so the branch's does not run.
function unset_fn {
  input {
    text trail?
  }

  stack {
  }

  response = {trail: $input.trail}
  middleware = {pre: [{name: ""}], post: [{name: ""}]}
}
---
task own_task {
  stack {
  }

  response = {ran: true}
  schedule = [{starts_on: 2026-01-01 02:00:00+0000, freq: 86400}]
  middleware = {
    pre : []
    post: [{name: "stamp"}]
  }
}
---
task plain_task {
  stack {
  }

  response = {ran: true}
  schedule = [{starts_on: 2026-01-01 02:00:00+0000, freq: 86400}]
}
---
tool own_tool {
  instructions = "Shows the trail of the middleware that ran"
  input {
    text trail?
  }

  stack {
  }

  response = {trail: $input.trail}
  middleware = {pre: [{name: "own_tag"}], post: [{name: ""}]}
}
---
tool plain_tool {
  instructions = "Shows the trail of the middleware that ran"
  input {
    text trail?
  }

  stack {
  }

  response = {trail: $input.trail}
}
