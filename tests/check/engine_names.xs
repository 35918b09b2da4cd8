// Every statement, construct kind and filter of Xano's engine is known: real exports use
// security.jwe_encode_legacy (xs runs it), run.job, datadog.log, sql_esc… (XS0205 and XS0203
// warnings say xs does not run those). A misspelled one in a known family is an unknown statement (XS0204).
function legacy_tokens {
  input {
  }

  stack {
    security.jwe_encode_legacy {
      payload = {sub: 1}
      audience = "app"
      key = "k"
    } as $token

    security.jwe_decode_legacy {
      token = $token
      audience = "app"
      key = "k"
    } as $claims

    util.get_input { // expect warning: XS0205
      encoding = "json"
    } as $raw

    datadog.log { // expect warning: XS0205
      message = "hello"
    }

    cloud.google.storage.sign_url { // expect warning: XS0205
      bucket = "b"
      filePath = "p"
    } as $url

    redis.gett { // expect error: XS0204
      key = "k"
    } as $cached

    var $quoted {
      value = "it's"|sql_esc // expect warning: XS0203
    }
  }

  response = [$claims, $raw, $url, $cached, $quoted]
}
---
run.job "nightly" {
  main = {name: "legacy_tokens", input: {}}
}
---
run.service "worker" {
  pre = {name: "legacy_tokens"}
}
---
workspace_trigger on_branch {
  input {
  }

  stack {
  }

  actions = {branch_new: true}
}
---
error_trigger on_error {
  input {
  }

  stack {
  }
}
