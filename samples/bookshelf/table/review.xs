table review {
  schema {
    int id
    timestamp created_at?=now
    int book_id {
      table = "book"
    }
    int customer_id {
      table = "customer"
    }
    int stars
    text body filters=trim
  }
  index = [{type: "primary", field: [{name: "id"}]}, {type: "btree", field: [{name: "book_id"}]}]
}
