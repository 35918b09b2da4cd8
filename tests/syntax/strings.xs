// Text literals: C escapes in double quotes, single quotes (only \\ and \' escape), triple-quoted
// blocks (common indentation stripped), and backtick / triple-backtick expressions.
function strings {
  input {
  }

  stack {
    var $double {
      value = "tab\there \"quoted\" back\\slash new\nline cr\r hex\x41 octal\101 nul\0 bell\a"
    }

    var $single {
      value = 'it\'s a back\\slash; \n stays literal, "double" inside'
    }

    var $empty {
      value = ["", '']
    }

    var $unicode {
      value = "héllo wörld — ✓"
    }

    var $sql {
      value = """
        SELECT *
          FROM user
         WHERE id = 1
        """
    }

    var $single_block {
      value = '''
        line one
        line two
        '''
    }

    var $tick {
      value = `$double|strlen > 3`
    }

    var $tick_escape {
      value = `"a\`b"`
    }

    var $long {
      value = ```
        $tick
          ? "long"
          : "short"
        ```
    }
  }

  response = {double: $double, single: $single, sql: $sql}
}
