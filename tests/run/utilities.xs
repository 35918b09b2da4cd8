// debug.log records values in order (shown by `xs run`); util.get_vars gives every stack
// variable set so far; util.get_all_input the validated input; util.get_env the environment;
// security.create_uuid a random v4 UUID.
function utilities {
  input {
    int n
  }

  stack {
    debug.log {
      value = "start"
    }

    var $a {
      value = 1
    }

    var $b {
      value = {x: [1, 2]}
    }

    debug.log {
      value = $b
    }

    util.get_vars as $vars
    util.get_all_input as $all_input
    util.get_env as $env_copy
    security.create_uuid as $id
    security.create_uuid as $other_id
    debug.log {
      value = null
    }
  }

  response = {
    vars      : $vars
    input     : $all_input
    app       : $env_copy.APP_NAME
    tenant    : $env_copy.$tenant
    uuid      : $id|is_uuid
    distinct  : $id != $other_id
  }
}
// run utilities {"n": 2, "junk": true}
// expect {"vars": {"a": 1, "b": {"x": [1, 2]}}, "input": {"n": 2}, "app": "corpus", "tenant": "", "uuid": true, "distinct": true}
// expect logs ["start", {"x": [1, 2]}, null]
