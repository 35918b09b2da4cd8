// The security statements: known vectors (an HS256 token and an aes-256-cbc ciphertext computed
// with Python's hmac and the openssl command), round trips through JWS (HS256, RS256 with a
// created RSA key, ES256 with a created curve key) and JWE (A256KW with a created secret key),
// the legacy forms with their audience, and the shapes of random numbers, bytes and keys.
function known_vectors {
  input {
  }

  stack {
    security.jws_encode {
      headers = {}
      claims = {sub: "42", name: "Ada"}
      key = "my-secret"
      signature_algorithm = "HS256"
      ttl = 0
    } as $token

    security.jws_decode {
      token = $token
      key = "my-secret"
      signature_algorithm = "HS256"
    } as $claims

    security.encrypt {
      data = "hello world"
      algorithm = "aes-256-cbc"
      key = "0123456789abcdef0123456789abcdef"
      iv = "abcdef9876543210"
    } as $cipher

    security.decrypt {
      data = $cipher
      algorithm = "aes-256-cbc"
      key = "0123456789abcdef0123456789abcdef"
      iv = "abcdef9876543210"
    } as $plain
  }

  response = {token: $token, claims: $claims, cipher: $cipher|base64_encode, plain: $plain}
}
// run known_vectors
// expect {"token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsIm5hbWUiOiJBZGEifQ.AUbrhyjhy4jViUxsCLWPqCC2mvHbZmTyFw3SgFgG82U", "claims": {"sub": "42", "name": "Ada"}, "cipher": "4hUyeBOXpEf+dVd0AlGbVA==", "plain": "hello world"}

function round_trips {
  input {
  }

  stack {
    security.create_rsa_key {
      bits = 2048
      format = "object"
    } as $rsa

    security.jws_encode {
      claims = {role: "admin"}
      key = $rsa
      signature_algorithm = "RS256"
      ttl = 60
    } as $rs_token

    security.jws_decode {
      token = $rs_token
      key = $rsa|unset:"d"
      signature_algorithm = "RS256"
      check_claims = {role: "admin"}
    } as $rs_claims

    security.create_curve_key {
      curve = "P-256"
      format = "object"
    } as $ec

    security.jws_encode {
      claims = {n: 1}
      key = $ec
      signature_algorithm = "ES256"
    } as $es_token

    security.jws_decode {
      token = $es_token
      key = $ec
      signature_algorithm = "ES256"
    } as $es_claims

    security.create_secret_key {
      bits = 256
      format = "object"
    } as $secret

    security.jwe_encode {
      headers = {kid: "k1"}
      claims = {card: "4242"}
      key = $secret
      key_algorithm = "A256KW"
      content_algorithm = "A256GCM"
      ttl = 0
    } as $jwe

    security.jwe_decode {
      token = $jwe
      key = $secret
      key_algorithm = "A256KW"
      content_algorithm = "A256GCM"
    } as $jwe_claims

    security.jwe_encode_legacy {
      payload = {user_id: 7}
      audience = "Xano"
      key = "0123456789abcdef0123456789abcdef"
      key_algorithm = "A256KW"
      content_algorithm = "A256CBC-HS512"
    } as $legacy

    security.jwe_decode_legacy {
      token = $legacy
      audience = "Xano"
      key = "0123456789abcdef0123456789abcdef"
      key_algorithm = "A256KW"
      content_algorithm = "A256CBC-HS512"
    } as $legacy_claims

    security.jws_encode_legacy {
      payload = {user_id: 8}
      audience = "Xano"
      key = "k"
      signature_algorithm = "HS256"
    } as $legacy_jws

    security.jws_decode_legacy {
      token = $legacy_jws
      audience = "Xano"
      key = "k"
      signature_algorithm = "HS256"
    } as $legacy_jws_claims
  }

  response = {
    rsa_kty      : $rsa.kty
    rs           : $rs_claims.role
    has_exp      : ($rs_claims.exp - $rs_claims.iat) == 60
    ec           : [$ec.kty, $ec.crv, $ec.d != null]
    es           : $es_claims
    secret       : [$secret.kty, $secret.k|strlen]
    jwe_parts    : $jwe|split:"."|count
    jwe          : $jwe_claims
    legacy       : $legacy_claims
    legacy_jws   : $legacy_jws_claims
  }
}
// run round_trips
// expect {"rsa_kty": "RSA", "rs": "admin", "has_exp": true, "ec": ["EC", "P-256", true], "es": {"n": 1}, "secret": ["oct", 43], "jwe_parts": 5, "jwe": {"card": "4242"}, "legacy": {"user_id": 7, "aud": "Xano"}, "legacy_jws": {"user_id": 8, "aud": "Xano"}}

function random_values {
  input {
  }

  stack {
    var $dice {
      value = []
    }

    for (200) {
      each {
        security.random_number {
          min = 1
          max = 6
        } as $roll

        array.push $dice {
          value = $roll
        }
      }
    }

    security.random_bytes {
      length = 16
    } as $bytes

    security.random_number {
      min = 5
      max = 5
    } as $five
  }

  response = {
    outside : $dice|filter:($$ < 1 || $$ > 6)|count
    faces   : $dice|unique|count
    bytes   : $bytes|bin2hex|strlen
    five    : $five
  }
}
// run random_values
// expect {"outside": 0, "faces": 6, "bytes": 32, "five": 5}

function wrong_key {
  input {
  }

  stack {
    security.jws_encode {
      claims = {a: 1}
      key = "one"
      signature_algorithm = "HS256"
    } as $token

    security.jws_decode {
      token = $token
      key = "two"
      signature_algorithm = "HS256"
    } as $claims
  }

  response = $claims
}
// run wrong_key
// expect error standard
// expect message security.jws_decode: the token's signature is not valid

function bad_range {
  input {
  }

  stack {
    security.random_number {
      min = 10
      max = 1
    } as $n
  }

  response = $n
}
// run bad_range
// expect error standard
// expect message min (10) is greater than max (1)
