// Where clauses: every operator, ignore-if-null forms, db filters on columns, parentheses, and
// the seed's multi-line where with && at the start of the next line.
function where_clauses {
  input {
    int room_id
    text name?
    int min?
    int[] ids?
  }

  stack {
    db.query room_member {
      where = $db.room_member.room_id == $input.room_id
            && $db.room_member.user_id == $auth.id
      return = {type: "exists"}
    } as $is_member

    db.query user {
      where = $db.user.name ==? $input.name && $db.user.age >=? $input.min && $db.user.age <=? $input.min && $db.user.age >? $input.min && $db.user.age <? $input.min && $db.user.name !=? $input.name
    } as $a

    db.query user {
      where = $db.user.id in $input.ids && $db.user.id not in [1, 2] && $db.user.age between 10:100 && $db.user.age not between 0:5
    } as $b

    db.query post {
      where = $db.post.tags contains "x" && $db.post.tags not contains "y" && $db.post.title includes "hi" && $db.post.title not includes "bye" && $db.post.tags includes? $input.name
    } as $c

    db.query user {
      where = $db.user.name like "A%" && $db.user.name not like "%z" && $db.user.email ilike "%@EXAMPLE.com" && $db.user.email not ilike "x%"
    } as $d

    db.query user {
      where = $db.user.name ~ "^A.*" && $db.user.name !~ "z$" && $db.user.settings @> {theme: "dark"} && $db.user.tags overlaps ["a"]
    } as $e

    db.query user {
      where = ($db.user.name|to_lower) == "ada" || $db.user.name|to_upper == "BOB" && ($db.user.age|add:1) > 18
    } as $f

    db.query user {
      where = ($db.user.role == "admin" || $db.user.role == "owner") && !($db.user.active == false) && $db.user.verified
    } as $g

    db.query user {
      where = $db.user.id === 1 || $db.user.id !== 2 || $db.user.name in? $input.ids || $db.user.name search "ada"
      sort = {user.created_at: "desc", name: "asc"}
      return = {type: "list", paging: {page: 1, per_page: 25, totals: true}}
      eval = {lower_name: $db.user.name|to_lower}
      output = ["id", "name", "lower_name"]
    } as $h
  }

  response = [$a, $b, $c, $d, $e, $f, $g, $h]
}
