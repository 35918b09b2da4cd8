query "books/{book_id}/reviews" verb=POST {
  api_group = "bookshelf"
  auth = "customer"
  description = "Review a book; readers of book:ID see it live"
  input {
    int book_id
    int stars filters=min:1|max:5
    text body filters=trim|min:1|max:2000
  }
  stack {
    db.get book {
      field_name = "id"
      field_value = $input.book_id
    } as $book
    precondition ($book != null) {
      error_type = "notfound"
      error = "No such book."
    }
    db.add review {
      data = {book_id: $input.book_id, customer_id: $auth.id, stars: $input.stars, body: $input.body}
    } as $review
    api.realtime_event {
      channel = "book:" ~ $input.book_id
      event = "review"
      data = $review
    }
  }
  response = $review
}
