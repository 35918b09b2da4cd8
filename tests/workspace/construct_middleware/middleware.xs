// Each tag appends its name to the input's trail, so a response shows which middleware ran and
// in what order; stamp and branch_stamp mark a response; gate refuses unless key is "open".
middleware branch_tag {
  input {
    json vars
    enum type {
      values = ["pre", "post"]
    }
  }

  stack {
  }

  response = {trail: ($input.vars.trail|first_notnull:"") ~ "branch>"}
}
---
middleware group_tag {
  input {
    json vars
    enum type {
      values = ["pre", "post"]
    }
  }

  stack {
  }

  response = {trail: ($input.vars.trail|first_notnull:"") ~ "group>"}
}
---
middleware own_tag {
  input {
    json vars
    enum type {
      values = ["pre", "post"]
    }
  }

  stack {
  }

  response = {trail: ($input.vars.trail|first_notnull:"") ~ "own>"}
}
---
middleware gate {
  input {
    json vars
    enum type {
      values = ["pre", "post"]
    }
  }

  stack {
    precondition ($input.vars.key == "open") {
      error_type = "accessdenied"
      error = "gate says no"
    }
  }

  response = null
}
---
middleware stamp {
  input {
    json vars
    enum type {
      values = ["pre", "post"]
    }
  }

  stack {
  }

  response = {stamped: true}
}
---
middleware branch_stamp {
  input {
    json vars
    enum type {
      values = ["pre", "post"]
    }
  }

  stack {
  }

  response = {branch_stamped: true}
}
