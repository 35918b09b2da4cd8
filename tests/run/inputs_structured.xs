// enum values, nested object schemas (validated field by field, param paths like
// address.street), arrays of objects, and json (taken as is).
function structured {
  input {
    enum status {
      values = ["draft", "published"]
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

    object[]? items {
      schema {
        int product_id
        int qty?=1 filters=min:1
      }
    }

    json? extra
  }

  stack {
  }

  response = $input
}
// run structured {"status": "draft", "address": {"street": "Main", "zip": "123", "junk": 1, "geo": {"lat": 1, "lng": "2.5"}}, "items": [{"product_id": "7"}, {"product_id": 8, "qty": 2}], "extra": [1, {"a": null}]}
// expect {"status": "draft", "address": {"street": "Main", "city": null, "zip": 123, "geo": {"lat": 1.0, "lng": 2.5}}, "items": [{"product_id": 7, "qty": 1}, {"product_id": 8, "qty": 2}], "extra": [1, {"a": null}]}
// run structured {"status": "archived", "address": {"street": "Main"}}
// expect error inputerror
// expect param status
// expect message status must be one of ["draft","published"], got "archived"
// run structured {"status": "draft", "address": {"city": "X"}}
// expect error inputerror
// expect param address.street
// expect message Missing param: address.street
// run structured {"status": "draft", "address": "Main street"}
// expect error inputerror
// expect param address
// expect message address must be an object
// run structured {"status": "draft", "address": {"street": "Main", "geo": {"lat": "north", "lng": 1}}}
// expect error inputerror
// expect param address.geo.lat
// run structured {"status": "draft", "address": {"street": "Main"}, "items": [{"product_id": 1, "qty": 0}]}
// expect error inputerror
// expect param items[0].qty
// expect message items[0].qty must be at least 1
// run structured {"status": "draft", "address": {"street": "Main"}, "items": [{"qty": 2}]}
// expect error inputerror
// expect param items[0].product_id
