// Queries in a group without middleware (they inherit the branch's), in a group with its own
// (it replaces the branch's), and queries with their own (they replace the group's and the
// branch's). An entry with an empty name is a slot left unset in Xano's editor.
api_group plain {
  canonical = "plain"
}
---
api_group guarded {
  canonical = "guarded"
  middleware = {
    pre : [{name: "group_tag"}]
    post: [{name: "stamp"}]
  }
}
---
query inherit verb=GET {
  api_group = "plain"
  input {
    text trail?
  }

  stack {
  }

  response = {trail: $input.trail}
}
---
query grouped verb=GET {
  api_group = "guarded"
  input {
    text trail?
  }

  stack {
  }

  response = {trail: $input.trail}
}
---
query own verb=POST {
  api_group = "guarded"
  input {
    text trail?
    text key?
  }

  stack {
  }

  response = {trail: $input.trail, key: $input.key}
  middleware = {pre: [{name: "own_tag"}, {name: ""}, {name: "gate"}]}
}
---
query stale verb=GET {
  api_group = "plain"
  input {
    text trail?
  }

  stack {
  }

  response = {trail: $input.trail}
  middleware = {pre: [{name: "gone"}, {name: "own_tag"}]}
}
---
query relay verb=GET {
  api_group = "plain"
  stack {
    function.run own_fn as $own
    function.run plain_fn as $plain
    function.run unset_fn as $unset
  }

  response = {own: $own, plain: $plain, unset: $unset}
}
