// db.schema gives a table's fields as data, in declaration order: name, type, style ("list"
// for arrays), nullable, required, default ("now" for the current time), values for enums and
// children for objects. path picks one field, dotted into object fields; an unknown field or
// table is an error.
table contact {
  schema {
    int id
    text name filters=trim
    text[] tags?
    enum status?="new" {
      values = ["new", "done"]
    }
    timestamp created_at?=now
    object? address {
      schema {
        text city
      }
    }
  }
}
---
function fields {
  input {
    text path?
  }

  stack {
    db.schema contact {
      path = $input.path
    } as $schema
  }

  response = $schema
}
// run fields
// expect [{"name": "id", "type": "int", "style": "single", "nullable": false, "required": true, "default": ""}, {"name": "name", "type": "text", "style": "single", "nullable": false, "required": true, "default": ""}, {"name": "tags", "type": "text", "style": "list", "nullable": false, "required": false, "default": ""}, {"name": "status", "type": "enum", "style": "single", "nullable": false, "required": false, "default": "new", "values": ["new", "done"]}, {"name": "created_at", "type": "timestamp", "style": "single", "nullable": false, "required": false, "default": "now"}, {"name": "address", "type": "object", "style": "single", "nullable": true, "required": true, "default": "", "children": [{"name": "city", "type": "text", "style": "single", "nullable": false, "required": true, "default": ""}]}]
// run fields {"path": "address.city"}
// expect {"name": "city", "type": "text", "style": "single", "nullable": false, "required": true, "default": ""}
// run fields {"path": "phone"}
// expect error standard
// expect message has no field "phone"
---
function missing_table {
  input {
  }

  stack {
    db.schema nothing as $schema
  }

  response = $schema
}
// run missing_table
// expect error standard
// expect message no table named "nothing"
