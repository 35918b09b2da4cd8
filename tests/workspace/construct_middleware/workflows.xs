workflow_test "a task, tool or function with middleware of its own runs it instead of the branch's" {
  stack {
    task.call own_task as $own_task
    expect.to_equal ($own_task) { value = {ran: true, stamped: true} }
    task.call plain_task as $plain_task
    expect.to_equal ($plain_task) { value = {ran: true, branch_stamped: true} }

    tool.call own_tool as $own_tool
    expect.to_equal ($own_tool) { value = {trail: "own>"} }
    tool.call plain_tool as $plain_tool
    expect.to_equal ($plain_tool) { value = {trail: "branch>"} }

    function.call own_fn as $own_fn
    expect.to_equal ($own_fn) { value = {trail: "own>", stamped: true} }
    function.call unset_fn as $unset_fn
    expect.to_equal ($unset_fn) { value = {trail: null} }
  }
}
