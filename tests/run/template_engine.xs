// util.template_engine renders Twig (on Pebble): $var and each stack variable by name, $input,
// $env and $auth; Twig's loop.index (1-based), for key, value in …, macros imported from
// _self, and Twig filters (upper, default, join, json_encode, number_format, date with PHP
// letters, e). Output is not escaped unless a filter asks; undefined names print nothing.
function magic_link_email {
  input {
    text name
  }

  stack {
    var $magic_link {
      value = "https://app.example.com/reset?magic_token=abc&email=a%40b.io"
    }

    util.template_engine {
      value = """
        <p>Hi {{ $input.name|title }},</p>
        <a href="{{ $var.magic_link }}">Reset</a>{{ $var.missing }}
        """
    } as $html
  }

  response = $html
}
// run magic_link_email {"name": "ada lovelace"}
// expect "<p>Hi Ada Lovelace,</p>\n<a href=\"https://app.example.com/reset?magic_token=abc&email=a%40b.io\">Reset</a>"

function order_lines {
  input {
  }

  stack {
    var $order {
      value = {id: 42, total: 1234.5, created_at: 1736937000000, items: [{name: "tea", qty: 2}, {name: "cake", qty: 1}], note: null, tags: {rush: true, gift: false}}
    }

    util.template_engine {
      value = """
        {%- import _self as fmt -%}
        {%- macro line(item, n) -%}
        {{ n }}. {{ item.name|upper }} x{{ item.qty }}
        {% endmacro -%}
        Order #{{ order.id }} ({{ order.created_at|date("Y-m-d H:i") }})
        {% for item in $order.items -%}
        {{ fmt.line(item, loop.index) }}
        {%- endfor -%}
        Total: {{ $order.total|number_format(2, '.', ',') }}
        Note: {{ order.note|default("none") }}
        {% for key, value in order.tags %}{{ key }}={{ value ? "yes" : "no" }}{% if not loop.last %}, {% endif %}{% endfor %}
        Joined: {{ ["a", "b"]|join("+") }}
        JSON: {{ order.items[0]|json_encode }}
        Safe: {{ "<b>"|e }} Raw: {{ "<b>" }}
        """
    } as $text
  }

  response = $text
}
// run order_lines
// expect "Order #42 (2025-01-15 10:30)\n1. TEA x2\n2. CAKE x1\nTotal: 1,234.50\nNote: none\nrush=yes, gift=no\nJoined: a+b\nJSON: {\"name\":\"tea\",\"qty\":2}\nSafe: &lt;b&gt; Raw: <b>"

function prompts {
  input {
  }

  stack {
    var $out {
      value = []
    }

    foreach ([{prompt: "Deploy done"}, {prompt: "Build failed"}]) {
      each as $prompt {
        util.template_engine {
          value = """
            Message:
            {{$prompt.prompt}}
            """
        } as $ai_request

        array.push $out {
          value = $ai_request
        }
      }
    }
  }

  response = $out
}
// run prompts
// expect ["Message:\nDeploy done", "Message:\nBuild failed"]
