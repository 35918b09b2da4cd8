// Addons as real workspaces write them: one addon per related table, used from db.query and
// db.get through addon = [...]. $output is the row; `as` stores the addon's result under a field
// (items.FIELD on a paged result); $output.$this maps a list of ids held in the row; `output`
// keeps some fields (a dotted name keeps a nested one); a nested addon runs on the result;
// addon.call runs one directly. An entry without `as` changes nothing, as in Xano, which saves it
// but has nowhere to put the result (xs check warns, tests/check/addon_without_as.xs).
table author {
  schema {
    int id
    text name
    text email
    json profile?
  }
}
---
table category {
  schema {
    int id
    text name
    text slug
  }
}
---
table tag {
  schema {
    int id
    text name
    int category_id
  }
}
---
table post {
  schema {
    int id
    text title
    int author_id
    int[] tag_ids?
    int category_id?
  }
}
---
addon author {
  input {
    int author_id? {
      table = "author"
    }
  }

  stack {
    db.query author {
      where = $db.author.id == $input.author_id
      return = {type: "single"}
    }
  }
}
---
addon tag {
  input {
    int tag_id? {
      table = "tag"
    }
  }

  stack {
    db.query tag {
      where = $db.tag.id == $input.tag_id
      return = {type: "single"}
    }
  }
}
---
addon category {
  input {
    int category_id? {
      table = "category"
    }
  }

  stack {
    db.query category {
      where = $db.category.id == $input.category_id
      return = {type: "single"}
    }
  }
}
---
// As the VS Code extension exports addons: the query's table is "", the where names it.
addon posts_of_author {
  input {
    int author_id? {
      table = ""
    }
  }

  stack {
    db.query "" {
      where = $db.post.author_id == $input.author_id
      sort = {id: "asc"}
      return = {type: "list"}
    }
  }
}
---
addon post_count_of_author {
  input {
    int author_id? {
      table = "author"
    }
  }

  stack {
    db.query post {
      where = $db.post.author_id == $input.author_id
      return = {type: "count"}
    }
  }
}
---
function list_posts {
  input {
  }

  stack {
    db.query post {
      sort = {id: "asc"}
      return = {type: "list"}
      addon = [
        {
          name : "author"
          input: {author_id: $output.author_id}
          as   : "_author"
          output: ["name"]
        }
      ]
    } as $posts
  }

  response = $posts
}
// run list_posts {}
// data {"author": [{"id": 1, "name": "Ada", "email": "ada@example.com"}, {"id": 2, "name": "Bob", "email": "bob@example.com"}], "post": [{"id": 1, "title": "One", "author_id": 1}, {"id": 2, "title": "Two", "author_id": 2}, {"id": 3, "title": "Orphan", "author_id": 9}]}
// expect [{"id": 1, "title": "One", "author_id": 1, "tag_ids": null, "category_id": null, "_author": {"name": "Ada"}}, {"id": 2, "title": "Two", "author_id": 2, "tag_ids": null, "category_id": null, "_author": {"name": "Bob"}}, {"id": 3, "title": "Orphan", "author_id": 9, "tag_ids": null, "category_id": null, "_author": null}]

function paged_posts {
  input {
  }

  stack {
    db.query post {
      sort = {id: "asc"}
      output = ["id", "author_id"]
      return = {type: "list", paging: {page: 1, per_page: 2, totals: true}}
      addon = [
        {
          name  : "author"
          output: ["email"]
          input : {author_id: $output.author_id}
          as    : "items._author"
        }
        {
          name : "post_count_of_author"
          input: {author_id: $output.author_id}
          as   : "items.author_posts"
        }
      ]
    } as $page
  }

  response = $page
}
// run paged_posts {}
// data {"author": [{"id": 1, "name": "Ada", "email": "ada@example.com"}, {"id": 2, "name": "Bob", "email": "bob@example.com"}], "post": [{"id": 1, "title": "One", "author_id": 1}, {"id": 2, "title": "Two", "author_id": 1}, {"id": 3, "title": "Three", "author_id": 2}]}
// expect {"itemsReceived": 2, "curPage": 1, "nextPage": 2, "prevPage": null, "offset": 0, "perPage": 2, "itemsTotal": 3, "pageTotal": 2, "items": [{"id": 1, "author_id": 1, "_author": {"email": "ada@example.com"}, "author_posts": 2}, {"id": 2, "author_id": 1, "_author": {"email": "ada@example.com"}, "author_posts": 2}]}

function get_post_with_tags {
  input {
    int id
  }

  stack {
    db.get post {
      field_name = "id"
      field_value = $input.id
      addon = [
        {
          name  : "tag"
          output: ["id", "name", "category_id"]
          input : {tag_id: $output.$this}
          addon : [
            {
              name  : "category"
              output: ["slug"]
              input : {category_id: $output.category_id}
              as    : "_category"
            }
          ]
          as    : "tag_ids"
        }
        {
          name  : "category"
          output: ["name"]
          input : {category_id: $output.$this}
          as    : "category_id"
        }
      ]
    } as $post
  }

  response = $post
}
// run get_post_with_tags {"id": 1}
// data {"category": [{"id": 1, "name": "Food", "slug": "food"}, {"id": 2, "name": "Travel", "slug": "travel"}], "tag": [{"id": 10, "name": "pasta", "category_id": 1}, {"id": 11, "name": "rome", "category_id": 2}], "post": [{"id": 1, "title": "Carbonara in Rome", "author_id": 1, "tag_ids": [11, 10], "category_id": 2}]}
// expect {"id": 1, "title": "Carbonara in Rome", "author_id": 1, "tag_ids": [{"id": 11, "name": "rome", "category_id": 2, "_category": {"slug": "travel"}}, {"id": 10, "name": "pasta", "category_id": 1, "_category": {"slug": "food"}}], "category_id": {"name": "Travel"}}

function nested_output_field {
  input {
  }

  stack {
    db.get post {
      field_value = 1
      addon = [
        {
          name  : "author"
          output: ["name", "profile.avatar.url"]
          input : {author_id: $output.author_id}
          as    : "details.author"
        }
      ]
    } as $post
  }

  response = $post.details
}
// run nested_output_field {}
// data {"author": [{"id": 1, "name": "Ada", "email": "ada@example.com", "profile": {"bio": "hi", "avatar": {"url": "/a.png", "size": 3}}}], "post": [{"id": 1, "title": "One", "author_id": 1}]}
// expect {"author": {"name": "Ada", "profile": {"avatar": {"url": "/a.png"}}}}

function call_addon_directly {
  input {
  }

  stack {
    addon.call author {
      input = {author_id: 2}
    } as $bob

    addon.call post_count_of_author {
      input = {author_id: 1}
    } as $count

    addon.call posts_of_author {
      input = {author_id: 1}
    } as $posts
  }

  response = {bob: $bob.name, count: $count, titles: $posts|map:$$.title}
}
// run call_addon_directly {}
// data {"author": [{"id": 1, "name": "Ada", "email": "ada@example.com"}, {"id": 2, "name": "Bob", "email": "bob@example.com"}], "post": [{"id": 1, "title": "One", "author_id": 1}]}
// expect {"bob": "Bob", "count": 1, "titles": ["One"]}

function unknown_addon {
  input {
  }

  stack {
    db.get post {
      field_value = 1
      addon = [{name: "nope", input: {id: $output.id}, as: "x"}]
    } as $post
  }

  response = $post
}
// run unknown_addon {}
// data {"post": [{"id": 1, "title": "One", "author_id": 1}]}
// expect error standard
// expect message addon: no addon named "nope"

function edit_with_addon {
  input {
  }

  stack {
    db.edit post {
      field_name = "id"
      field_value = 1
      data = {title: "Edited"}
      addon = [{name: "author", output: ["name"], input: {author_id: $output.author_id}, as: "_author"}]
    } as $post

    db.query post {
      where = $db.post.id == 1
      return = {type: "single"}
      addon = [{name: "author", output: ["email"], input: {author_id: $output.author_id}, as: "_author"}]
    } as $single
  }

  response = {edited: $post.title, author: $post._author, single: $single._author}
}
// run edit_with_addon {}
// data {"author": [{"id": 1, "name": "Ada", "email": "ada@example.com"}], "post": [{"id": 1, "title": "One", "author_id": 1}]}
// expect {"edited": "Edited", "author": {"name": "Ada"}, "single": {"email": "ada@example.com"}}

function addon_without_as {
  input {
  }

  stack {
    db.query post {
      sort = {id: "asc"}
      output = ["id", "author_id"]
      return = {type: "list"}
      addon = [
        {
          name  : "author"
          output: ["name"]
          input : {author_id: $output.author_id}
        }
        {
          name  : "author"
          output: ["name"]
          input : {author_id: $output.author_id}
          as    : "_author"
          addon : [{name: "post_count_of_author", input: {author_id: $output.id}}]
        }
      ]
    } as $posts
  }

  response = $posts
}
// run addon_without_as {}
// data {"author": [{"id": 1, "name": "Ada", "email": "ada@example.com"}], "post": [{"id": 1, "title": "One", "author_id": 1}, {"id": 2, "title": "Two", "author_id": 9}]}
// expect [{"id": 1, "author_id": 1, "_author": {"name": "Ada"}}, {"id": 2, "author_id": 9, "_author": null}]
