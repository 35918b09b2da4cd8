// The statements only Xano's cloud runs fail when reached, saying what they need.
function upload {
  input {
  }

  stack {
    cloud.aws.s3.upload_file {
      bucket = "b"
    } as $r
  }

  response = $r
}
// run upload
// expect error standard
// expect message cloud.aws.s3.upload_file is not supported by xs: it calls a cloud provider

function marketplace {
  input {
  }

  stack {
    action.call "slack" {
      input = {}
    } as $sent
  }

  response = $sent
}
// run marketplace
// expect error standard
// expect message action.call is not supported by xs: it runs a Xano Marketplace action
