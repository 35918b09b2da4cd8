query "books/{book_id}" verb=GET {
  api_group = "bookshelf"
  input {
    int book_id
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
    db.query review {
      where = $db.review.book_id == $input.book_id
      sort = {review.created_at: "desc"}
      return = {type: "list"}
    } as $reviews
  }
  response = {book: $book, reviews: $reviews}
}
