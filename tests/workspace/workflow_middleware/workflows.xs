workflow_test "task.call runs the task middleware around the task" {
  stack {
    task.call tidy as $result
    expect.to_equal ($result) { value = {tidied: true, audited: true} }

    db.query journal {
      sort = {id: "asc"}
      return = {type: "list"}
    } as $journal
    expect.to_equal ($journal|map:$$.what) { value = ["task pre", "task ran", "task post saw tidied=true"] }
  }
}
---
workflow_test "a failing pre middleware stops task.call" {
  stack {
    expect.to_throw {
      stack {
        task.call tidy {
          input = {block: true}
        }
      }

      exception = "blocked by task_pre"
    }

    db.query journal {
      return = {type: "count"}
    } as $written
    expect.to_equal ($written) { value = 0 }
  }
}
---
workflow_test "tool.call runs the tool middleware around the tool" {
  stack {
    tool.call lookup {
      input = {via: "the caller"}
    } as $found
    expect.to_equal ($found) { value = {wrapped: {via: "tool_pre"}} }
  }
}
---
workflow_test "function.call and function.run run the function middleware" {
  stack {
    function.call triple {
      input = {n: 2}
    } as $called
    expect.to_equal ($called) { value = {value: 60, post: "seen by fn_post"} }

    function.run triple {
      input = {n: 1}
    } as $run
    expect.to_equal ($run.value) { value = 30 }

    db.query journal {
      return = {type: "count"}
    } as $helped
    expect.to_equal ($helped) { value = 2 }
  }
}
