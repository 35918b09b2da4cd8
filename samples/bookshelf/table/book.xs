table book {
  schema {
    int id
    timestamp created_at?=now
    text title filters=trim
    text author filters=trim
    int year
    decimal rating?
  }
  index = [{type: "primary", field: [{name: "id"}]}]
  items = [
    {id: 1, title: "Frankenstein", author: "Mary Shelley", year: 1818, rating: 4.2}
    {id: 2, title: "Middlemarch", author: "George Eliot", year: 1871, rating: 4.5}
    {id: 3, title: "The Time Machine", author: "H. G. Wells", year: 1895, rating: 3.9}
    {id: 4, title: "Dracula", author: "Bram Stoker", year: 1897, rating: 4.0}
  ]
}
