// XS0218: declarations Xano would refuse: an unknown field type (Xano has no string, integer,
// number or boolean), a field declared twice, a size range that cannot be met, var without $.
function declarations {
  input {
    strng name // expect error: XS0218
    integer count // expect error: XS0218
    boolean flag // expect error: XS0218
    text name // expect error: XS0218
    int[5:2] scores // expect error: XS0218
    int[2:5] fine_range
    object address {
      schema {
        text street
        text street // expect error: XS0218
        number zip // expect error: XS0218
      }
    }

    !strng disabled_fields_are_not_checked
  }

  stack {
    var total { // expect error: XS0218
      value = 1
    }

    var.update "total" { // expect error: XS0218
      value = 2
    }
  }

  response = null
}
---
table item {
  schema {
    int id
    text title
    decimal price
    text title // expect error: XS0218
    geo_point location?
    vector embedding? {
      size = 3
    }
  }
}
