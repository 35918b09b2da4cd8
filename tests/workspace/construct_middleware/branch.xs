// The branch's middleware: what every query, function, task and tool inherits unless its api
// group or the construct itself sets middleware of its own.
branch v1 {
  middleware = {
    query   : {pre: ["branch_tag"], post: []}
    function: {pre: ["branch_tag"], post: []}
    task    : {pre: [], post: ["branch_stamp"]}
    tool    : {pre: ["branch_tag"], post: []}
  }
}
