table user {
  auth = true
  schema {
    int id
    text name
    text role
  }
  index = [{type: "primary", field: [{name: "id"}]}]
}
---
table product {
  schema {
    int id
    text name
    text category
    decimal price
    int stock
  }
  index = [{type: "primary", field: [{name: "id"}]}, {type: "btree", field: [{name: "category"}]}]
}
---
table order {
  schema {
    int id
    int user_id
    int product_id
    int quantity
    decimal total
  }
  index = [{type: "primary", field: [{name: "id"}]}]
}
