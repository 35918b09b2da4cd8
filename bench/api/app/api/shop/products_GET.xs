// The read endpoint: who calls, one page of a category's products in stock, cheapest first, and a summary.
query products verb=GET {
  api_group = "shop"
  auth = "user"
  input {
    text category
    int page?=1 filters=min:1
    int per_page?=20 filters=min:1|max:100
  }
  stack {
    db.get user {
      field_name = "id"
      field_value = $auth.id
    } as $me
    db.query product {
      where = $db.product.category == $input.category && $db.product.stock > 0
      sort = {product.price: "asc"}
      return = {type: "list", paging: {page: $input.page, per_page: $input.per_page, totals: true}}
    } as $page
    var $names {
      value = $page.items|map:($$.name|to_upper)
    }
  }
  response = {user: $me.name, page: $page.curPage, total: $page.itemsTotal, items: $page.items, names: $names, value: $page.items|map:$$.price|sum}
}
