// Collaborative editing (seed: Common Patterns). Editors send messages with
// options.event = "operation" on a document:ID channel; this trigger applies the operation and
// broadcasts it to the other editors. Under `./xs serve samples/` connect two clients to
// document:1 and send {"document_id": 1, "operation": {"insert": " world"}}.
realtime_trigger "document_edit" {
  channel = "document:*"
  event = "operation"
  stack {
    // Apply operation to document
    function.run "apply_document_op" {
      input = {
        document_id: $input.document_id,
        operation: $input.operation,
        user_id: $auth.id
      }
    } as $result

    // Broadcast to other editors
    api.realtime_event {
      channel = $channel
      event = "remote_operation"
      data = {
        operation: $input.operation,
        user_id: $auth.id,
        version: $result.version
      }
    }
  }
}

// Applies one operation to a document and bumps its version. Operations: {insert: "text"}
// appends, {replace: "text"} replaces the content. Run it:
//   ./xs run samples/ --function apply_document_op --data samples/data.json --input '{"document_id": 1, "operation": {"insert": " world"}, "user_id": 7}'
function "apply_document_op" {
  input {
    int document_id
    json operation
    int user_id?
  }
  stack {
    db.get "document" {
      field_value = $input.document_id
    } as $document

    precondition ($document != null) {
      error_type = "notfound"
      error = "No document " ~ $input.document_id
    }

    conditional {
      if ($input.operation|has:"replace") {
        var $content {
          value = $input.operation.replace
        }
      }
      elseif ($input.operation|has:"insert") {
        var $content {
          value = $document.content ~ $input.operation.insert
        }
      }
      else {
        throw {
          name = "BadOperation"
          value = "An operation is {insert: text} or {replace: text}"
        }
      }
    }

    db.edit "document" {
      field_value = $document.id
      data = {content: $content, version: $document.version + 1}
    } as $updated
  }
  response = {id: $updated.id, content: $updated.content, version: $updated.version}

  test "inserts text and bumps the version" {
    input = {document_id: 1, operation: {insert: " world"}}
    expect.to_equal ($response.content) { value = "Hello world" }
    expect.to_equal ($response.version) { value = 1 }
  }

  test "unknown documents are not found" {
    input = {document_id: 404, operation: {insert: "x"}}
    expect.to_throw { exception = "No document 404" }
  }
}
