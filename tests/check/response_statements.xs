// api.stream and util.post_process are statements xs runs (no XS0205): api.stream needs its
// value (XS0215) and takes nothing else; a post-process stack is checked like any stack, and
// variables assigned before it may be read inside it.
query stream_lines verb=GET {
  api_group = "demo"

  stack {
    var $lines {
      value = ["a", "b"]
    }

    foreach ($lines) {
      each as $line {
        api.stream {
          value = $line
        }
      }
    }

    api.stream { // expect error: XS0215
      description = "no value"
    }

    util.post_process {
      stack {
        debug.log {
          value = $lines|count
        }
      }
    }
  }

  response = null
}
