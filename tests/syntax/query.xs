// An HTTP endpoint: quoted path with a path parameter, verb after the name, and the usual members.
query "bids/{car_id}/place" verb=POST {
  api_group = "Auctions"
  description = "Place a bid on a car"
  auth = "user"

  input {
    int car_id
    decimal amount filters=min:1
  }

  stack {
    db.get car {
      field_name = "id"
      field_value = $input.car_id
    } as $car

    precondition ($car != null) {
      error_type = "notfound"
      error = "No such car"
    }
  }

  response = $car
  tags = ["bids", "cars"]
  history = 100
  guid = "a1b2c3"
}
