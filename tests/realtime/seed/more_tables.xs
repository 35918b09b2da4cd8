table order {
  schema {
    int id
    decimal total
    text customer_name
    timestamp created_at
  }
}

table admin {
  schema {
    int id
    text name
  }
}
