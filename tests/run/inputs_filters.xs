// Input filters (reference §5.3): trim, lower and upper transform; min/max bound text length
// and numbers; startsWith, prevent, ok, alphaOk, digitOk and pattern restrict text; the
// password rules count character classes; disabled filters (!name) do nothing. Filters apply
// to each element of an array. Each failure is an inputerror naming the field.
function text_filters {
  input {
    text name filters=trim|min:2|max:5
    text? code filters=trim|upper|pattern:/^[A-Z]{3}$/
    text? slug filters=lower|ok:"abcdefghijklmnopqrstuvwxyz-"|prevent:"--"
    text? ref filters=startsWith:"REF-"
    text? letters filters=alphaOk
    text? digits filters=digitOk
    text? loose filters=!trim
  }

  stack {
  }

  response = $input
}
// run text_filters {"name": "  Ada  ", "code": " abc ", "slug": "My-Page", "ref": "REF-1", "letters": "abc", "digits": "123", "loose": "  x  "}
// expect {"name": "Ada", "code": "ABC", "slug": "my-page", "ref": "REF-1", "letters": "abc", "digits": "123", "loose": "  x  "}
// run text_filters {"name": " A "}
// expect error inputerror
// expect param name
// expect message name must be at least 2 characters
// run text_filters {"name": "Adalovelace"}
// expect error inputerror
// expect param name
// expect message name must be at most 5 characters
// run text_filters {"name": "Ada", "code": "abcd"}
// expect error inputerror
// expect param code
// expect message code does not match the required pattern
// run text_filters {"name": "Ada", "slug": "a--b"}
// expect error inputerror
// expect param slug
// expect message slug must not contain "--"
// run text_filters {"name": "Ada", "slug": "a_b"}
// expect error inputerror
// expect param slug
// expect message slug may contain only the characters
// run text_filters {"name": "Ada", "ref": "X-1"}
// expect error inputerror
// expect param ref
// expect message ref must start with "REF-"
// run text_filters {"name": "Ada", "letters": "ab1"}
// expect error inputerror
// expect param letters
// expect message letters may contain letters only
// run text_filters {"name": "Ada", "digits": "12a"}
// expect error inputerror
// expect param digits
// expect message digits may contain digits only

function number_filters {
  input {
    int score filters=min:-10|max:10
    decimal? ratio filters=min:0|max:1
  }

  stack {
  }

  response = $input
}
// run number_filters {"score": -10, "ratio": 0.5}
// expect {"score": -10, "ratio": 0.5}
// run number_filters {"score": 11}
// expect error inputerror
// expect param score
// expect message score must be at most 10
// run number_filters {"score": "-11"}
// expect error inputerror
// expect param score
// expect message score must be at least -10
// run number_filters {"score": 0, "ratio": 1.5}
// expect error inputerror
// expect param ratio

function email_filters {
  input {
    email email filters=trim|lower
  }

  stack {
  }

  response = $input.email
}
// run email_filters {"email": "  Ada@Example.COM "}
// expect "ada@example.com"

function password_rules {
  input {
    password secret filters=min:8|minAlpha:2|minLowerAlpha:1|minUpperAlpha:1|minDigit:1|minSymbol:1
  }

  stack {
  }

  response = $input.secret|strlen
}
// run password_rules {"secret": "Abcdef1!"}
// expect 8
// run password_rules {"secret": "Ab1!"}
// expect error inputerror
// expect param secret
// expect message secret must be at least 8 characters
// run password_rules {"secret": "abcdefg1!"}
// expect error inputerror
// expect param secret
// expect message needs at least 1 upper-case letters
// run password_rules {"secret": "ABCDEFG1!"}
// expect error inputerror
// expect param secret
// expect message lower-case
// run password_rules {"secret": "Abcdefgh!"}
// expect error inputerror
// expect param secret
// expect message digits
// run password_rules {"secret": "Abcdefgh1"}
// expect error inputerror
// expect param secret
// expect message symbols

function array_filters {
  input {
    text[] tags filters=trim|lower
    int[1:3]? ids
  }

  stack {
  }

  response = $input
}
// run array_filters {"tags": [" A ", "b "], "ids": ["1", 2]}
// expect {"tags": ["a", "b"], "ids": [1, 2]}
// run array_filters {"tags": []}
// expect {"tags": [], "ids": null}
// run array_filters {"tags": "a"}
// expect error inputerror
// expect param tags
// expect message tags must be an array
// run array_filters {"tags": ["a"], "ids": []}
// expect error inputerror
// expect param ids
// expect message ids needs at least 1 item
// run array_filters {"tags": ["a"], "ids": [1, 2, 3, 4]}
// expect error inputerror
// expect param ids
// expect message ids allows at most 3 items
// run array_filters {"tags": ["a"], "ids": [1, "x"]}
// expect error inputerror
// expect param ids[1]
// expect message ids[1] must be an integer
