// var creates or overwrites a variable; var.update writes a variable or a nested path,
// creating objects (and padding arrays) along the way. Values are copied: changing one
// variable never changes another that was assigned from it.
function variables {
  input {
  }

  stack {
    var $a {
      value = 1
    }

    var $a {
      value = $a + 1
    }

    var $obj {
      value = {user: {name: "Ada", tags: ["x"]}}
    }

    var $copy {
      value = $obj
    }

    var.update $obj.user.name {
      value = "Grace"
    }

    var.update $obj.user.tags[1] {
      value = "y"
    }

    var.update $obj.user.address.city {
      value = "London"
    }

    var.update $obj["user"]["age"] {
      value = 36
    }

    var $key {
      value = "dynamic"
    }

    var.update $obj[$key] {
      value = true
    }

    var $list {
      value = [1, 2]
    }

    var.update $list[3] {
      value = 4
    }

    var.update $list.0 {
      value = 0
    }

    var.update $fresh.nested.path {
      value = "made"
    }

    var.update $a {
      value = $a * 10
    }

    var $nothing {
    }
  }

  response = {a: $a, obj: $obj, copy: $copy, list: $list, fresh: $fresh, nothing: $nothing}
}
// run variables
// expect {"a": 20, "obj": {"user": {"name": "Grace", "tags": ["x", "y"], "address": {"city": "London"}, "age": 36}, "dynamic": true}, "copy": {"user": {"name": "Ada", "tags": ["x"]}}, "list": [0, 2, null, 4], "fresh": {"nested": {"path": "made"}}, "nothing": null}

function set_inside_text {
  input {
  }

  stack {
    var $t {
      value = "text"
    }

    var.update $t.field {
      value = 1
    }
  }

  response = $t
}
// run set_inside_text
// expect error standard
// expect message cannot set 'field' inside text $t
