"use strict";

function greet(name) {
  return "hello, " + name;
}

module.exports = greet;
module.exports.shout = (name) => greet(name).toUpperCase() + "!";
