// Forms Xano's exporter writes into workspaces it saved and runs: a text in an array written
// \"like this\" outside a string, and '$.' where the exporter could not name a variable. Both
// load with a warning (XS0112) that says how they read and how to write them.
function exporter_quirks {
  input {
  }

  stack {
    api.request {
      url = "https://example.com/signup"
      method = "POST"
      headers = [\"Content-Type: application/json\"] // expect warning: XS0112
    } as $signup
  }

  response = {signup: $signup, error: $.} // expect warning: XS0112
}
