// db.query: where, sort (one or several keys, asc/desc, `table.field` keys), return list /
// single / count / exists, paging with the envelope (and totals), output columns, eval columns.
table product {
  schema {
    int id
    text name
    text category
    decimal price
    int stock
  }
}
---
function list_all {
  input {
  }

  stack {
    db.query product as $rows
  }

  response = $rows|map:$$.id
}
// run list_all
// data {"product": [{"id": 1, "name": "Apple", "category": "fruit", "price": 1.5, "stock": 10}, {"id": 2, "name": "Pear", "category": "fruit", "price": 2.0, "stock": 0}, {"id": 3, "name": "Kale", "category": "veg", "price": 3.25, "stock": 5}]}
// expect [1, 2, 3]

function filtered_sorted {
  input {
    text category
  }

  stack {
    db.query product {
      where = $db.product.category == $input.category && $db.product.stock > 0
      sort = {product.price: "desc"}
      return = {type: "list"}
    } as $in_stock

    db.query product {
      sort = [{category: "asc"}, {price: "desc"}]
      output = ["id"]
    } as $multi_key

    db.query product {
      sort = {category: "desc", name: "asc"}
    } as $two_keys_one_object

    db.query product {
      sort = [{sortBy: "stock", orderBy: "asc"}]
    } as $sort_by_form
  }

  response = {
    in_stock    : $in_stock|map:$$.name
    multi_key   : $multi_key
    two_keys    : $two_keys_one_object|map:$$.name
    sort_by     : $sort_by_form|map:$$.stock
  }
}
// run filtered_sorted {"category": "fruit"}
// data {"product": [{"id": 1, "name": "Apple", "category": "fruit", "price": 1.5, "stock": 10}, {"id": 2, "name": "Pear", "category": "fruit", "price": 2.0, "stock": 0}, {"id": 3, "name": "Kale", "category": "veg", "price": 3.25, "stock": 5}, {"id": 4, "name": "Fig", "category": "fruit", "price": 4.0, "stock": 2}]}
// expect {"in_stock": ["Fig", "Apple"], "multi_key": [{"id": 4}, {"id": 2}, {"id": 1}, {"id": 3}], "two_keys": ["Kale", "Apple", "Fig", "Pear"], "sort_by": [0, 2, 5, 10]}

function return_types {
  input {
  }

  stack {
    db.query product {
      where = $db.product.price > 2
      sort = {price: "asc"}
      return = {type: "single"}
    } as $cheapest_over_two

    db.query product {
      where = $db.product.price > 100
      return = {type: "single"}
    } as $none

    db.query product {
      where = $db.product.category == "fruit"
      return = {type: "count"}
    } as $fruit_count

    db.query product {
      where = $db.product.name == "Kale"
      return = {type: "exists"}
    } as $has_kale

    db.query product {
      where = $db.product.name == "Durian"
      return = {type: "exists"}
    } as $has_durian
  }

  response = {cheapest_over_two: $cheapest_over_two.name, none: $none, fruit_count: $fruit_count, has_kale: $has_kale, has_durian: $has_durian}
}
// run return_types
// data {"product": [{"id": 1, "name": "Apple", "category": "fruit", "price": 1.5, "stock": 10}, {"id": 2, "name": "Pear", "category": "fruit", "price": 2.0, "stock": 0}, {"id": 3, "name": "Kale", "category": "veg", "price": 3.25, "stock": 5}, {"id": 4, "name": "Fig", "category": "fruit", "price": 4.0, "stock": 2}]}
// expect {"cheapest_over_two": "Kale", "none": null, "fruit_count": 3, "has_kale": true, "has_durian": false}

function paged {
  input {
    int page
  }

  stack {
    db.query product {
      sort = {id: "asc"}
      return = {type: "list", paging: {page: $input.page, per_page: 2, totals: true}}
      output = ["id"]
    } as $with_totals

    db.query product {
      sort = {id: "asc"}
      return = {type: "list", paging: {page: $input.page, per_page: 2}}
      output = ["id"]
    } as $without_totals
  }

  response = {with_totals: $with_totals, without_totals: $without_totals}
}
// run paged {"page": 1}
// data {"product": [{"id": 1, "name": "a", "category": "x", "price": 1, "stock": 1}, {"id": 2, "name": "b", "category": "x", "price": 1, "stock": 1}, {"id": 3, "name": "c", "category": "x", "price": 1, "stock": 1}]}
// expect {"with_totals": {"itemsReceived": 2, "curPage": 1, "nextPage": 2, "prevPage": null, "offset": 0, "perPage": 2, "items": [{"id": 1}, {"id": 2}], "itemsTotal": 3, "pageTotal": 2}, "without_totals": {"itemsReceived": 2, "curPage": 1, "nextPage": 2, "prevPage": null, "offset": 0, "perPage": 2, "items": [{"id": 1}, {"id": 2}]}}
// run paged {"page": 2}
// data {"product": [{"id": 1, "name": "a", "category": "x", "price": 1, "stock": 1}, {"id": 2, "name": "b", "category": "x", "price": 1, "stock": 1}, {"id": 3, "name": "c", "category": "x", "price": 1, "stock": 1}]}
// expect {"with_totals": {"itemsReceived": 1, "curPage": 2, "nextPage": null, "prevPage": 1, "offset": 0, "perPage": 2, "items": [{"id": 3}], "itemsTotal": 3, "pageTotal": 2}, "without_totals": {"itemsReceived": 1, "curPage": 2, "nextPage": null, "prevPage": 1, "offset": 0, "perPage": 2, "items": [{"id": 3}]}}
// run paged {"page": 3}
// data {"product": [{"id": 1, "name": "a", "category": "x", "price": 1, "stock": 1}]}
// expect {"with_totals": {"itemsReceived": 0, "curPage": 3, "nextPage": null, "prevPage": 2, "offset": 0, "perPage": 2, "items": [], "itemsTotal": 1, "pageTotal": 1}, "without_totals": {"itemsReceived": 0, "curPage": 3, "nextPage": null, "prevPage": 2, "offset": 0, "perPage": 2, "items": []}}

// Xano writes a paged query's output as envelope keys beside items.COLUMN (real exports do).
function paged_output {
  input {
  }

  stack {
    db.query product {
      sort = {id: "desc"}
      return = {type: "list", paging: {page: 1, per_page: 2}}
      output = ["itemsReceived", "curPage", "nextPage", "items.id", "items.name"]
    } as $page
  }

  response = $page
}
// run paged_output
// data {"product": [{"id": 1, "name": "a", "category": "x", "price": 1, "stock": 1}, {"id": 2, "name": "b", "category": "x", "price": 1, "stock": 1}, {"id": 3, "name": "c", "category": "x", "price": 1, "stock": 1}]}
// expect {"itemsReceived": 2, "curPage": 1, "nextPage": 2, "items": [{"id": 3, "name": "c"}, {"id": 2, "name": "b"}]}

function evaluated {
  input {
  }

  stack {
    db.query product {
      where = $db.product.stock > 0
      sort = {id: "asc"}
      eval = {
        label : $db.product.name|to_upper
        value : $db.product.price|mul:2
      }
      output = ["id", "label", "value"]
    } as $rows
  }

  response = $rows
}
// run evaluated
// data {"product": [{"id": 1, "name": "Apple", "category": "fruit", "price": 1.5, "stock": 10}, {"id": 2, "name": "Pear", "category": "fruit", "price": 2.0, "stock": 0}]}
// expect [{"id": 1, "label": "APPLE", "value": 3.0}]

function bad_queries {
  input {
    text which
  }

  stack {
    conditional {
      if ($input.which == "column") {
        db.query product {
          where = $db.product.colour == "red"
        } as $x
      }
      elseif ($input.which == "sort") {
        db.query product {
          sort = {price: "sideways"}
        } as $x
      }
      elseif ($input.which == "type") {
        db.query product {
          return = {type: "stream"}
        } as $x
      }
      elseif ($input.which == "paging") {
        db.query product {
          return = {type: "list", paging: {page: 0}}
        } as $x
      }
      else {
        db.query missing_table as $x
      }
    }
  }

  response = $x
}
// run bad_queries {"which": "column"}
// expect error standard
// expect message unknown column product.colour
// run bad_queries {"which": "sort"}
// expect error standard
// expect message sort direction must be asc, desc or rand
// run bad_queries {"which": "type"}
// expect error standard
// expect message not supported by xs
// run bad_queries {"which": "paging"}
// expect error standard
// expect message page >= 1
// run bad_queries {"which": "table"}
// expect error standard
// expect message unknown table "missing_table"
