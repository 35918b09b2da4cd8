// A workspace whose branch wraps functions, tasks and tools in middleware; each middleware
// leaves a trace (a journal row, a changed input, a changed response) the workflow tests read.
table journal {
  schema {
    int id
    text what
  }
}
---
function triple {
  input {
    int n
  }

  stack {
  }

  response = {value: $input.n * 3}
}
---
function helper {
  stack {
    db.add journal {
      data = {what: "helper ran"}
    }
  }

  response = "seen by fn_post"
}
---
task tidy {
  stack {
    db.add journal {
      data = {what: "task ran"}
    }
  }

  response = {tidied: true}
  schedule = [{starts_on: 2026-01-01 02:00:00+0000, freq: 86400}]
}
---
tool lookup {
  instructions = "Says which middleware saw the call"
  input {
    text via?
  }

  stack {
  }

  response = {via: $input.via}
}
---
// Pre: the input's n times ten (merged into the input before the function's input block reads it).
middleware fn_pre {
  input {
    json vars
    enum type {
      values = ["pre", "post"]
    }
  }

  stack {
  }

  response = {n: $input.vars.n * 10}
}
---
// Post: calls a function itself; that call runs without middleware (else it would wrap itself).
middleware fn_post {
  input {
    json vars
    enum type {
      values = ["pre", "post"]
    }
  }

  stack {
    function.run helper as $helped
  }

  response = {post: $helped}
}
---
middleware task_pre {
  input {
    json vars
    enum type {
      values = ["pre", "post"]
    }
  }

  stack {
    precondition ($input.vars.block != true) {
      error_type = "accessdenied"
      error = "blocked by task_pre"
    }

    db.add journal {
      data = {what: "task pre"}
    }
  }

  response = null
}
---
middleware task_post {
  input {
    json vars
    enum type {
      values = ["pre", "post"]
    }
  }

  stack {
    db.add journal {
      data = {what: "task post saw tidied=" ~ ($input.vars.tidied|to_text)}
    }
  }

  response = {audited: true}
}
---
middleware tool_pre {
  input {
    json vars
    enum type {
      values = ["pre", "post"]
    }
  }

  stack {
  }

  response = {via: "tool_pre"}
}
---
middleware tool_post {
  input {
    json vars
    enum type {
      values = ["pre", "post"]
    }
  }

  stack {
  }

  response = {wrapped: $input.vars}
  response_strategy = "replace"
}
