// An addon entry without `as` is what Xano saves when an addon was attached with no destination
// (a real export has thirteen): Xano accepts it but has nowhere to put the addon's result, so the
// rows come back without it. xs runs it the same way (tests/db/addons.xs) and warns, with the fix.
function addon_without_as {
  input {
  }

  stack {
    db.query post {
      return = {type: "list"}
      addon = [
        { // expect warning: XS0215
          name  : "author"
          output: ["name"]
          input : {author_id: $output.author_id}
        }
        {
          name : "author"
          input: {author_id: $output.author_id}
          as   : "_author"
          addon: [{name: "avatar", input: {author_id: $output.id}}] // expect warning: XS0215
        }
        {name: "author", input: {author_id: $output.author_id}, as: ""} // expect warning: XS0215
      ]
    } as $posts
  }

  response = $posts
}
