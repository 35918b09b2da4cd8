// The workspace of the bookshelf sample, laid out as `xano workspace pull` writes an export.
workspace bookshelf {
  description = "A small reading app: sign up, log in, browse books, review them live"
}
