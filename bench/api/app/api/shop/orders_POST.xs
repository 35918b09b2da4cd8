// The write endpoint: an order for a product in stock, priced on the server.
query orders verb=POST {
  api_group = "shop"
  auth = "user"
  input {
    int product_id
    int quantity filters=min:1|max:10
  }
  stack {
    db.get product {
      field_name = "id"
      field_value = $input.product_id
    } as $product
    precondition ($product != null && $product.stock > 0) {
      error_type = "notfound"
      error = "No such product in stock."
    }
    db.add order {
      data = {user_id: $auth.id, product_id: $input.product_id, quantity: $input.quantity, total: $product.price * $input.quantity}
    } as $order
  }
  response = $order
}
