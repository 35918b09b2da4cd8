// Security filters: digests and HMACs (hex, or raw bytes with a true last argument), AES,
// JWS/JWE round trips, secure ids and unique ids, for every registered name.

// digests
// eval "abc"|md5 => "900150983cd24fb0d6963f7d28e17f72"
// eval "abc"|md5:true|bin2hex => "900150983cd24fb0d6963f7d28e17f72"
// eval "abc"|sha1 => "a9993e364706816aba3e25717850c26c9cd0d89d"
// eval "abc"|sha1:true|bin2hex => "a9993e364706816aba3e25717850c26c9cd0d89d"
// eval "abc"|sha256 => "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
// eval "abc"|sha384 => "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"
// eval "abc"|sha512 => "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
// eval [1]|md5 => error expects text

// HMACs: subject is the message, argument the key
// eval "abc"|hmac_md5:"key" => "d2fe98063f876b03193afb49b4979591"
// eval "abc"|hmac_sha1:"key" => "4fd0b215276ef12f2b3e4c8ecac2811498b656fc"
// eval "abc"|hmac_sha256:"key" => "9c196e32dc0175f86f4b1cb89289d6619de6bee699e4c378e68309ed97a1a6ab"
// eval "abc"|hmac_sha256:"key":true|bin2hex => "9c196e32dc0175f86f4b1cb89289d6619de6bee699e4c378e68309ed97a1a6ab"
// eval "abc"|hmac_sha384:"key"|strlen => 96
// eval "abc"|hmac_sha512:"key"|strlen => 128

// AES (OpenSSL-compatible): encrypt:algorithm:key:iv gives raw bytes
// eval "secret"|encrypt:"aes-256-cbc":"12345678901234567890123456789012":"1234567890123456"|base64_encode => "lC2ckrBwrHM2+Vsd7zSPFg=="
// eval "lC2ckrBwrHM2+Vsd7zSPFg=="|base64_decode|decrypt:"aes-256-cbc":"12345678901234567890123456789012":"1234567890123456" => "secret"
// eval "x"|encrypt:"rot13":"k":"iv" => error is not supported

// JWS: claims|jws_encode:headers:key:alg and token|jws_decode:required_claims:key:alg
// eval {sub: 1}|jws_encode:{}:"secretsecretsecretsecretsecret12":"HS256" => "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOjF9._CPsI4NjC5fwB-c-ScWDO0t-S1e6anOF78X3BxDVNGE"
// eval {sub: 1}|jws_encode:{}:"secretsecretsecretsecretsecret12":"HS256"|jws_decode:{}:"secretsecretsecretsecretsecret12":"HS256" => {"sub": 1}
// eval {sub: 1}|jws_encode:{}:"secretsecretsecretsecretsecret12":"HS256"|jws_decode:{}:"wrongwrongwrongwrongwrongwrong12":"HS256" => error signature is not valid
// eval {sub: 1, exp: 1}|jws_encode:{}:"secretsecretsecretsecretsecret12":"HS256"|jws_decode:{}:"secretsecretsecretsecretsecret12":"HS256" => error expired
// eval {sub: 1}|jws_encode:{}:"k":"none" => error is not supported
// eval "x"|jws_decode:{}:"k":"HS256" => error malformed
// eval {sub: 1}|crypto_jws_encode:{}:"secretsecretsecretsecretsecret12":"HS512"|crypto_jws_decode:{}:"secretsecretsecretsecretsecret12":"HS512" => {"sub": 1}

// JWE: claims|jwe_encode:headers:key:key_alg:content_alg and the matching jwe_decode
// eval {sub: 1}|jwe_encode:{}:"12345678901234567890123456789012":"dir":"A256GCM"|jwe_decode:{}:"12345678901234567890123456789012":"dir":"A256GCM" => {"sub": 1}
// eval {sub: 1}|crypto_jwe_encode:{}:"12345678901234567890123456789012":"A256KW":"A256CBC-HS512"|crypto_jwe_decode:{}:"12345678901234567890123456789012":"A256KW":"A256CBC-HS512" => {"sub": 1}
// eval {sub: 1}|jwe_encode:{}:"12345678901234567890123456789012":"dir":"A256GCM"|jwe_decode:{}:"12345678901234567890123456789012":"A256KW":"A256CBC-HS512" => error expected A256KW

// secure ids
// eval 42|secureid_encode:"salt" => "s9Njx49mfrbixfL_nF-73w"
// eval 42|secureid_encode:"salt"|secureid_decode:"salt" => 42
// eval "x"|secureid_decode:"salt" => error is not a secure id

// unique ids (random: checked for shape)
// eval (|uuid)|is_uuid => true
// eval (|uuid4)|is_uuid => true
// eval (|create_uid)|is_int => true
// eval (|uid)|is_int => true
// eval (|uuid) != (|uuid) => true
