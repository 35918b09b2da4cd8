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
