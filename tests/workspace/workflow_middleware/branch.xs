// Middleware for the functions, tasks and tools a stack calls (function.run, task.call,
// tool.call), as Xano runs it around every call of those kinds.
branch v1 {
  middleware = {
    function: {pre: ["fn_pre"], post: ["fn_post"]}
    task    : {pre: ["task_pre"], post: ["task_post"]}
    tool    : {pre: ["tool_pre"], post: ["tool_post"]}
  }
}
