query books verb=GET {
  api_group = "bookshelf"
  description = "Books by year, a page at a time, optionally by author"
  input {
    text author?
    int page?=1 filters=min:1
    int per_page?=2 filters=min:1|max:50
  }
  stack {
    db.query book {
      where = $db.book.author ==? $input.author
      sort = {book.year: "asc"}
      return = {type: "list", paging: {page: $input.page, per_page: $input.per_page}}
    } as $books
  }
  response = $books
}
