// Required, nullable (? on the type), optional (? on the name) and defaults (?=). A required
// field rejects a missing value and null, and a required text rejects "" too (reference §5.1,
// §14.8); `text? name` accepts null (and ""); `text name?` may be omitted and accepts "".
// Defaults fill missing and null values; negative and bare-word defaults work; `now` is the
// run's time.
function required {
  input {
    int n
    text name
  }

  stack {
  }

  response = $input
}
// run required {"n": 1, "name": "a"}
// expect {"n": 1, "name": "a"}
// run required {"name": "a"}
// expect error inputerror
// expect param n
// expect message Missing param: n
// run required {"n": null, "name": "a"}
// expect error inputerror
// expect param n
// run required {"n": 1, "name": ""}
// expect error inputerror
// expect param name
// expect message Missing param: name
// run required {"n": 1, "name": null}
// expect error inputerror
// expect param name

function nullable_and_optional {
  input {
    text? nullable
    text optional?
    int? maybe
  }

  stack {
  }

  response = $input
}
// run nullable_and_optional {}
// expect {"nullable": null, "optional": null, "maybe": null}
// run nullable_and_optional {"nullable": null, "optional": "", "maybe": null}
// expect {"nullable": null, "optional": "", "maybe": null}
// run nullable_and_optional {"nullable": "", "optional": "x", "maybe": "7"}
// expect {"nullable": "", "optional": "x", "maybe": 7}

function defaults {
  input {
    int count?=10
    int offset?=-1
    int quoted?="-1"
    decimal ratio?=-0.5
    text currency?=USD
    text greeting?="hello world"
    bool flag?=false
    timestamp since?=now
    enum status?="draft" {
      values = ["draft", "live"]
    }
  }

  stack {
  }

  response = $input
}
// run defaults {}
// expect {"count": 10, "offset": -1, "quoted": -1, "ratio": -0.5, "currency": "USD", "greeting": "hello world", "flag": false, "since": "<any>", "status": "draft"}
// run defaults {"count": "3", "offset": null, "currency": "EUR", "flag": true, "since": 1736937000000, "status": "live"}
// expect {"count": 3, "offset": -1, "quoted": -1, "ratio": -0.5, "currency": "EUR", "greeting": "hello world", "flag": true, "since": 1736937000000, "status": "live"}
// run defaults {"count": "many"}
// expect error inputerror
// expect param count
