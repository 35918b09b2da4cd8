// Names brought from other languages and ORMs, as in hand-written "exports" Xano never saved
// (bench/exports/not-saved-by-xano.tsv): each is an error whose message says what Xano writes
// (db.insert -> db.add, |length -> |count or |strlen, integer -> int, JSON -> json).
function other_languages {
  input {
    integer page // expect error: XS0218
    JSON meta // expect error: XS0218
  }

  stack {
    db.insert user { // expect error: XS0204
      data = {name: "Ann"}
    } as $user

    security.hash_password { // expect error: XS0204
      value = "secret"
    } as $hash

    var $n {
      value = [1, 2]|length // expect error: XS0203
    }
  }

  response = $n
}
