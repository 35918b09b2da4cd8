branch v1 {
  description = "The live branch"
}
