api_group bookshelf {
  canonical = "bk7Qx2Lp"
  description = "Books, reviews and the readers' accounts"
}
