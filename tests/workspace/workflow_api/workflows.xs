workflow_test "sign up, log in and read me" {
  tags = ["auth"]
  stack {
    api.call "auth/signup" verb=POST {
      api_group = "accounts"
      input = {name: "Ada", email: "ADA@example.com", password: "correct horse"}
    } as $signed_up
    expect.to_be_greater_than ($signed_up.id) { value = 1 }

    api.call "auth/login" verb=POST {
      api_group = "accounts"
      input = {email: "ada@example.com", password: "correct horse"}
    } as $login
    expect.to_not_be_null ($login.authToken)

    api.call "auth/me" verb=GET {
      api_group = "accounts"
      headers = ["Authorization: Bearer " ~ $login.authToken]
    } as $me
    expect.to_equal ($me.reader.id) { value = $signed_up.id }
    expect.to_equal ($me.reader.email) { value = "ada@example.com" }
    expect.to_equal ($me.extras) { value = {plan: "free"} }
    expect.to_be_in_the_past ($me.reader.created_at)
    expect.to_be_in_the_future ($me.reader.created_at + 60000)

    api.call "readers/{reader_id}" verb=GET {
      api_group = "acc7Kp2"
      input = {reader_id: $signed_up.id}
    } as $public
    expect.to_equal ($public.name) { value = "Ada" }
  }
}
---
workflow_test "me without a token is refused" {
  tags = ["auth"]
  stack {
    expect.to_throw {
      stack {
        api.call "auth/me" verb=GET {
          api_group = "accounts"
        }
      }

      exception = "requires authentication"
    }

    expect.to_throw {
      stack {
        api.call "auth/me" verb=GET {
          api_group = "accounts"
          headers = {Authorization: "Bearer not-a-token"}
        }
      }

      exception = "Invalid token"
    }
  }
}
---
workflow_test "another workflow test as a step" {
  tags = ["auth"]
  stack {
    workflow_test.call "sign up, log in and read me"
    db.query reader {
      return = {type: "count"}
    } as $readers
    expect.to_equal ($readers) { value = 2 }
  }
}
---
// Runs as the user of `xs test --user 1 --extras '{"plan":"pro"}'`: $auth, and api.call without a header.
workflow_test "me as the run's user" {
  tags = ["as-user"]
  stack {
    expect.to_equal ($auth.id) { value = 1 }
    api.call "auth/me" verb=GET {
      api_group = "accounts"
    } as $me
    expect.to_equal ($me.reader.name) { value = "Seeded" }
    expect.to_equal ($me.extras.plan) { value = "pro" }

    // An empty Authorization header calls as nobody, even under --user.
    expect.to_throw {
      stack {
        api.call "auth/me" verb=GET {
          api_group = "accounts"
          headers = ["Authorization:"]
        }
      }

      exception = "requires authentication"
    }
  }
}
---
workflow_test "login with a wrong password" {
  tags = ["broken"]
  stack {
    api.call "auth/login" verb=POST {
      api_group = "accounts"
      input = {email: "seed@example.com", password: "wrong password"}
    } as $login
  }
}
---
workflow_test "a time that is not past" {
  tags = ["broken"]
  stack {
    expect.to_be_in_the_past (now + 3600000)
  }
}
