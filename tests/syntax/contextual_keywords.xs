// Keywords are contextual: clause and statement words are also object keys, attribute names,
// input names, bare-word strings and table names.
function keywords {
  input {
    text input
    text value?
    text type?
    json stack?
    text schema?
    int index?
    text if?
    text as?
  }

  stack {
    var $o {
      value = {input: 1, value: 2, type: "t", stack: [], schema: null, each: true, as: "x", if: 0, else: 1, switch: 2, case: 3, default: 4, foreach: 5, for: 6, while: 7, break: 8, continue: 9, group: 10, try: 11, catch: 12, finally: 13, filters: 14, verb: 15, in: 16, not: 17, between: 18, contains: 19, includes: 20, like: 21, ilike: 22, search: 23, true: 24, now: 25}
    }

    var $keys {
      value = [$o.input, $o.value, $o.type, $o.stack, $o.each, $o.default, $o.in, $o.now]
    }

    var $words {
      value = [input, value, type, schema, stack, group, default]
    }

    db.get input {
      field_name = "type"
      field_value = $input.type
    } as $row

    db.query group {
      where = $db.group.type == $input.type
    } as $rows
  }

  response = $o|get:type
}
