// Input declarations: arrays and size ranges, nullable (? on the type) and optional (? on the
// name), defaults (negative, quoted negative, bare word, now, objects), filters with arguments
// (incl. /regex/), attribute blocks, enum values, nested object schemas.
function inputs {
  input {
    int id
    int[] ids
    text[1:10] tags
    int[1:] at_least_one
    int? maybe_null
    int maybe_missing?
    decimal? both?
    int count?=10
    int offset?=-1
    int quoted?="-1"
    decimal ratio?=-0.5
    text currency?=USD
    text greeting?="hello world"
    bool flag?=false
    timestamp since?=now
    json extra?={}
    text name filters=trim|min:1|max:100
    text code filters=trim|upper|pattern:/^[A-Z]{3}$/|startsWith:"X"
    text slug filters=lower|ok:"abcdefghijklmnopqrstuvwxyz-"|prevent:"--"
    password secret filters=min:8|minAlpha:1|minDigit:1|minSymbol:1|minUpperAlpha:1|minLowerAlpha:1
    email email filters=trim|lower
    int score filters=min:-10|max:10
    text letters filters=alphaOk|!digitOk
    uuid token?
    date day?
    timestamp at?
    text described {
      description = "A described field"
      sensitive = true
    }

    enum status?="draft" {
      values = ["draft", "published", "archived"]
    }

    enum[] statuses? {
      values = ["a", "b"]
    }

    object address {
      schema {
        text street
        text? city
        int zip?
        object geo? {
          schema {
            decimal lat
            decimal lng
          }
        }
      }
    }

    object[] items {
      schema {
        int product_id {
          table = "product"
        }

        int qty?=1 filters=min:1
      }
    }

    file? avatar
  }

  stack {
  }

  response = $input
}
