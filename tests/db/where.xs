// Where-clause operators (reference §6.5) over seeded rows: comparisons, in / not in, between,
// contains (array column holds a value), includes (text contains, ignoring case), like / ilike,
// ~ as a regex (only in where clauses), @> (JSON containment), overlaps, &&, || and
// parentheses, negation, bare boolean columns, database-side filters on columns, and the
// ignore-if-null forms (==? and friends drop out when their right side is null).
table post {
  schema {
    int id
    text title
    text author
    int score
    text[] tags
    json meta
    bool published
    timestamp created_at
  }
}
---
function comparisons {
  input {
  }

  stack {
    db.query post {
      where = $db.post.score == 5
    } as $eq

    db.query post {
      where = $db.post.score != 5
    } as $ne

    db.query post {
      where = $db.post.score > 5
    } as $gt

    db.query post {
      where = $db.post.score >= 5
    } as $ge

    db.query post {
      where = $db.post.score < 5
    } as $lt

    db.query post {
      where = $db.post.score <= 5
    } as $le

    db.query post {
      where = 5 < $db.post.score
    } as $swapped

    db.query post {
      where = $db.post.score === 5
    } as $strict

    db.query post {
      where = $db.post.author !== "ada"
    } as $strict_ne
  }

  response = {eq: $eq|map:$$.id, ne: $ne|map:$$.id, gt: $gt|map:$$.id, ge: $ge|map:$$.id, lt: $lt|map:$$.id, le: $le|map:$$.id, swapped: $swapped|map:$$.id, strict: $strict|map:$$.id, strict_ne: $strict_ne|map:$$.id}
}
// run comparisons
// data {"post": [{"id": 1, "title": "Hello World", "author": "ada", "score": 5, "tags": ["a", "b"], "meta": {"lang": "en", "draft": false}, "published": true, "created_at": 1736937000000}, {"id": 2, "title": "Second post", "author": "bob", "score": 9, "tags": ["b"], "meta": {"lang": "fr"}, "published": false, "created_at": 1736850600000}, {"id": 3, "title": "hello again", "author": "Ada", "score": 1, "tags": [], "meta": {}, "published": true, "created_at": 1736764200000}]}
// expect {"eq": [1], "ne": [2, 3], "gt": [2], "ge": [1, 2], "lt": [3], "le": [1, 3], "swapped": [2], "strict": [1], "strict_ne": [2, 3]}

function membership {
  input {
  }

  stack {
    db.query post {
      where = $db.post.id in [1, 3]
    } as $in

    db.query post {
      where = $db.post.id not in [1, 3]
    } as $not_in

    db.query post {
      where = $db.post.score between 2:9
    } as $between

    db.query post {
      where = $db.post.score not between 2:9
    } as $not_between

    db.query post {
      where = $db.post.tags contains "b"
    } as $contains

    db.query post {
      where = $db.post.tags not contains "a"
    } as $not_contains

    db.query post {
      where = "a" in $db.post.tags
    } as $value_in_column

    db.query post {
      where = $db.post.tags overlaps ["a", "z"]
    } as $overlaps

    db.query post {
      where = $db.post.tags not overlaps ["a", "z"]
    } as $not_overlaps

    db.query post {
      where = $db.post.meta @> {lang: "en"}
    } as $json_contains
  }

  response = {in: $in|map:$$.id, not_in: $not_in|map:$$.id, between: $between|map:$$.id, not_between: $not_between|map:$$.id, contains: $contains|map:$$.id, not_contains: $not_contains|map:$$.id, value_in_column: $value_in_column|map:$$.id, overlaps: $overlaps|map:$$.id, not_overlaps: $not_overlaps|map:$$.id, json_contains: $json_contains|map:$$.id}
}
// run membership
// data {"post": [{"id": 1, "title": "Hello World", "author": "ada", "score": 5, "tags": ["a", "b"], "meta": {"lang": "en", "draft": false}, "published": true, "created_at": 1736937000000}, {"id": 2, "title": "Second post", "author": "bob", "score": 9, "tags": ["b"], "meta": {"lang": "fr"}, "published": false, "created_at": 1736850600000}, {"id": 3, "title": "hello again", "author": "Ada", "score": 1, "tags": [], "meta": {}, "published": true, "created_at": 1736764200000}]}
// expect {"in": [1, 3], "not_in": [2], "between": [1, 2], "not_between": [3], "contains": [1, 2], "not_contains": [2, 3], "value_in_column": [1], "overlaps": [1], "not_overlaps": [2, 3], "json_contains": [1]}

function text_matching {
  input {
  }

  stack {
    db.query post {
      where = $db.post.title includes "HELLO"
    } as $includes

    db.query post {
      where = $db.post.title not includes "hello"
    } as $not_includes

    db.query post {
      where = $db.post.title like "Hello%"
    } as $like

    db.query post {
      where = $db.post.title not like "%post"
    } as $not_like

    db.query post {
      where = $db.post.title ilike "hello%"
    } as $ilike

    db.query post {
      where = $db.post.title not ilike "HELLO%"
    } as $not_ilike

    db.query post {
      where = $db.post.title ~ "^[Hh]ello"
    } as $regex

    db.query post {
      where = $db.post.title !~ "d$"
    } as $not_regex

    db.query post {
      where = $db.post.title search "again"
    } as $search
  }

  response = {includes: $includes|map:$$.id, not_includes: $not_includes|map:$$.id, like: $like|map:$$.id, not_like: $not_like|map:$$.id, ilike: $ilike|map:$$.id, not_ilike: $not_ilike|map:$$.id, regex: $regex|map:$$.id, not_regex: $not_regex|map:$$.id, search: $search|map:$$.id}
}
// run text_matching
// data {"post": [{"id": 1, "title": "Hello World", "author": "ada", "score": 5, "tags": ["a", "b"], "meta": {"lang": "en", "draft": false}, "published": true, "created_at": 1736937000000}, {"id": 2, "title": "Second post", "author": "bob", "score": 9, "tags": ["b"], "meta": {"lang": "fr"}, "published": false, "created_at": 1736850600000}, {"id": 3, "title": "hello again", "author": "Ada", "score": 1, "tags": [], "meta": {}, "published": true, "created_at": 1736764200000}]}
// expect {"includes": [1, 3], "not_includes": [2], "like": [1], "not_like": [1, 3], "ilike": [1, 3], "not_ilike": [2], "regex": [1, 3], "not_regex": [2, 3], "search": [3]}

function logic {
  input {
  }

  stack {
    db.query post {
      where = $db.post.published && $db.post.score > 2
    } as $and

    db.query post {
      where = $db.post.score > 8 || $db.post.author == "Ada"
    } as $or

    db.query post {
      where = ($db.post.author == "ada" || $db.post.author == "bob") && $db.post.published == true
    } as $parens

    db.query post {
      where = $db.post.author == "ada" || $db.post.author == "bob" && $db.post.published == true
    } as $precedence

    db.query post {
      where = !($db.post.score > 4)
    } as $not

    db.query post {
      where = $db.post.published
    } as $bare_bool

    db.query post {
      where = true
    } as $constant_true

    db.query post {
      where = 1 == 2
    } as $constant_false
  }

  response = {and: $and|map:$$.id, or: $or|map:$$.id, parens: $parens|map:$$.id, precedence: $precedence|map:$$.id, not: $not|map:$$.id, bare_bool: $bare_bool|map:$$.id, constant_true: $constant_true|count, constant_false: $constant_false|count}
}
// run logic
// data {"post": [{"id": 1, "title": "Hello World", "author": "ada", "score": 5, "tags": ["a", "b"], "meta": {"lang": "en", "draft": false}, "published": true, "created_at": 1736937000000}, {"id": 2, "title": "Second post", "author": "bob", "score": 9, "tags": ["b"], "meta": {"lang": "fr"}, "published": false, "created_at": 1736850600000}, {"id": 3, "title": "hello again", "author": "Ada", "score": 1, "tags": [], "meta": {}, "published": true, "created_at": 1736764200000}]}
// expect {"and": [1], "or": [2, 3], "parens": [1], "precedence": [1], "not": [3], "bare_bool": [1, 3], "constant_true": 3, "constant_false": 0}

function column_filters {
  input {
  }

  stack {
    db.query post {
      where = ($db.post.author|to_lower) == "ada"
    } as $lowered

    db.query post {
      where = $db.post.author|to_upper == "BOB" // runs as (…|to_upper) == "BOB"; xs check warns (XS0113)
    } as $uppered

    db.query post {
      where = ($db.post.score|add:10) > 14
    } as $added

    db.query post {
      where = ($db.post.title|substr:0:5) == "Hello"
    } as $substr

    db.query post {
      where = ($db.post.tags|length) == 0
    } as $length

    db.query post {
      where = ($db.post.created_at|timestamp_day_of_month) == 15
    } as $day

    db.query post {
      where = ($db.post.title|concat:"!") == "Second post!"
    } as $concat
  }

  response = {lowered: $lowered|map:$$.id, uppered: $uppered|map:$$.id, added: $added|map:$$.id, substr: $substr|map:$$.id, length: $length|map:$$.id, day: $day|map:$$.id, concat: $concat|map:$$.id}
}
// run column_filters
// data {"post": [{"id": 1, "title": "Hello World", "author": "ada", "score": 5, "tags": ["a", "b"], "meta": {"lang": "en", "draft": false}, "published": true, "created_at": 1736937000000}, {"id": 2, "title": "Second post", "author": "bob", "score": 9, "tags": ["b"], "meta": {"lang": "fr"}, "published": false, "created_at": 1736850600000}, {"id": 3, "title": "hello again", "author": "Ada", "score": 1, "tags": [], "meta": {}, "published": true, "created_at": 1736764200000}]}
// expect {"lowered": [1, 3], "uppered": [2], "added": [1, 2], "substr": [1], "length": [3], "day": [1], "concat": [2]}

function ignore_if_null {
  input {
    text? author
    int? min
    int? max
    text[]? tags
  }

  stack {
    db.query post {
      where = $db.post.author ==? $input.author && $db.post.score >=? $input.min && $db.post.score <=? $input.max
    } as $rows

    db.query post {
      where = $db.post.author !=? $input.author && $db.post.score >? $input.min && $db.post.score <? $input.max
    } as $strict_rows

    db.query post {
      where = $db.post.tags overlaps? $input.tags && $db.post.title includes? $input.author
    } as $other_forms
  }

  response = {rows: $rows|map:$$.id, strict_rows: $strict_rows|map:$$.id, other_forms: $other_forms|map:$$.id}
}
// run ignore_if_null {}
// data {"post": [{"id": 1, "title": "Hello World", "author": "ada", "score": 5, "tags": ["a", "b"], "meta": {"lang": "en", "draft": false}, "published": true, "created_at": 1736937000000}, {"id": 2, "title": "Second post", "author": "bob", "score": 9, "tags": ["b"], "meta": {"lang": "fr"}, "published": false, "created_at": 1736850600000}, {"id": 3, "title": "hello again", "author": "Ada", "score": 1, "tags": [], "meta": {}, "published": true, "created_at": 1736764200000}]}
// expect {"rows": [1, 2, 3], "strict_rows": [1, 2, 3], "other_forms": [1, 2, 3]}
// run ignore_if_null {"author": "bob"}
// data {"post": [{"id": 1, "title": "Hello World", "author": "ada", "score": 5, "tags": ["a", "b"], "meta": {"lang": "en", "draft": false}, "published": true, "created_at": 1736937000000}, {"id": 2, "title": "Second post", "author": "bob", "score": 9, "tags": ["b"], "meta": {"lang": "fr"}, "published": false, "created_at": 1736850600000}, {"id": 3, "title": "hello again", "author": "Ada", "score": 1, "tags": [], "meta": {}, "published": true, "created_at": 1736764200000}]}
// expect {"rows": [2], "strict_rows": [1, 3], "other_forms": []}
// run ignore_if_null {"min": 2, "max": 8, "tags": ["a"]}
// data {"post": [{"id": 1, "title": "Hello World", "author": "ada", "score": 5, "tags": ["a", "b"], "meta": {"lang": "en", "draft": false}, "published": true, "created_at": 1736937000000}, {"id": 2, "title": "Second post", "author": "bob", "score": 9, "tags": ["b"], "meta": {"lang": "fr"}, "published": false, "created_at": 1736850600000}, {"id": 3, "title": "hello again", "author": "Ada", "score": 1, "tags": [], "meta": {}, "published": true, "created_at": 1736764200000}]}
// expect {"rows": [1], "strict_rows": [1], "other_forms": [1]}

function in_ignore_if_null {
  input {
    int[]? ids
  }

  stack {
    db.query post {
      where = $db.post.id in? $input.ids
    } as $rows
  }

  response = $rows|map:$$.id
}
// run in_ignore_if_null {}
// data {"post": [{"id": 1, "title": "a", "author": "x", "score": 1, "published": true, "created_at": 0}, {"id": 2, "title": "b", "author": "y", "score": 2, "published": true, "created_at": 0}]}
// expect [1, 2]
// run in_ignore_if_null {"ids": [2]}
// data {"post": [{"id": 1, "title": "a", "author": "x", "score": 1, "published": true, "created_at": 0}, {"id": 2, "title": "b", "author": "y", "score": 2, "published": true, "created_at": 0}]}
// expect [2]
