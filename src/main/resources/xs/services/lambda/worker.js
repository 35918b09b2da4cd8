// The xs lambda worker: runs the code of api.lambda for xs (xs.services.lambda), one call at a time.
//
// Protocol, one JSON document per line:
//   stdin, first line  {"marker": M, "dir": D}   M starts every line this worker sends; D holds the modules
//   stdin, then        {"id": N, "module": FILE, "input": …, "var": …, "env": …, "auth": …}
//   stdout             M{"ready": true} once, then for each request
//                      M{"id": N, "ok": true, "value": …} or
//                      M{"id": N, "ok": false, "error": {"name", "message", "line", "column"}}
// The lambda shares stdout with the protocol (console.log, process.stdout.write, and stderr,
// which xs merges in): xs takes every line without the marker as the lambda's output, and every
// protocol line starts on a line of its own.
//
// Each module (written by xs from the lambda's code) exports one async function taking
// {input, var, env, auth, require}; "require" preloads the packages the code names in
// require("…") and returns the require function the code sees.

import { builtinModules, createRequire } from "node:module";

const encoder = new TextEncoder();
const nodeRequire = createRequire(import.meta.url);
const builtins = new Set(builtinModules);
const functions = new Map();
const packages = new Map();
let marker = null;
let dir = null;

function send(text) {
  const bytes = encoder.encode("\n" + marker + text + "\n");
  let written = 0;
  while (written < bytes.length) {
    written += Deno.stdout.writeSync(bytes.subarray(written));
  }
}

// JSON has no bigint: a safe one becomes a number, a larger one its decimal text.
function replacer(_key, value) {
  if (typeof value === "bigint") {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  return value;
}

function isBuiltin(name) {
  return name.startsWith("node:") || builtins.has(name);
}

// What require(name) gives for a package loaded as an ES module: a CommonJS package's
// module.exports is its default export; an ES package without one gives its namespace.
function required(namespace) {
  return namespace.default !== undefined ? namespace.default : namespace;
}

async function preload(names) {
  for (const name of names) {
    if (isBuiltin(name) || packages.has(name)) continue;
    const specifier = name.startsWith("npm:") || name.startsWith("jsr:") ? name : "npm:" + name;
    packages.set(name, required(await import(specifier)));
  }
  return function require(name) {
    if (isBuiltin(name)) return nodeRequire(name);
    if (packages.has(name)) return packages.get(name);
    throw new Error(`require("${name}"): xs loads the packages a lambda names in require("…") with the name`
      + " written as text, before the code runs; write the name as text, or use import");
  };
}

// Where in the module an error happened: the first stack frame (or, for a parse error, the
// message) that names the module's file.
function locate(text, url) {
  if (typeof text !== "string") return null;
  const at = text.indexOf(url + ":");
  if (at < 0) return null;
  const match = /^:(\d+):(\d+)/.exec(text.slice(at + url.length));
  return match ? { line: Number(match[1]), column: Number(match[2]) } : null;
}

function describe(thrown, url) {
  if (thrown instanceof Error) {
    const at = locate(thrown.stack, url) ?? locate(thrown.message, url);
    const message = String(thrown.message).split(url).join("the lambda's code");
    return { name: thrown.name, message, line: at?.line ?? null, column: at?.column ?? null };
  }
  let message;
  try {
    message = typeof thrown === "string" ? thrown : JSON.stringify(thrown, replacer);
  } catch {
    message = undefined;
  }
  return { name: "Error", message: message ?? String(thrown), line: null, column: null };
}

// An error from loading the module (a syntax error, an import that cannot be resolved): Deno's
// message adds a source excerpt and a location, which xs shows in its own way.
function describeLoad(thrown, url) {
  const error = describe(thrown, url);
  const lines = error.message.split("\n")
    .filter((l) => !/^\s*(\d+\s*)?\|/.test(l) && !/^\s*at /.test(l) && l.trim() !== "");
  let message = lines.map((l) => l.trim()).join(" ");
  const named = /^(\w*Error): (.*)$/.exec(message);
  if (named) {
    error.name = named[1];
    message = named[2];
  }
  error.message = message;
  return error;
}

function failed(id, error) {
  return JSON.stringify({ id, ok: false, error });
}

async function run(request) {
  const url = new URL(request.module, "file://" + dir + "/").href;
  let fn = functions.get(url);
  if (fn === undefined) {
    try {
      fn = (await import(url)).default;
    } catch (e) {
      return failed(request.id, describeLoad(e, url));
    }
    functions.set(url, fn);
  }
  let value;
  try {
    value = await fn({
      input: request.input,
      var: request.var,
      env: request.env,
      auth: request.auth,
      require: preload,
    });
  } catch (e) {
    return failed(request.id, describe(e, url));
  }
  let text;
  try {
    text = JSON.stringify(value, replacer);
  } catch (e) {
    return failed(request.id, {
      name: "TypeError",
      message: "the lambda's result cannot be sent as JSON: " + e.message.replace(/\s*\n\s*/g, " "),
      line: null,
      column: null,
    });
  }
  return `{"id":${request.id},"ok":true,"value":${text ?? "null"}}`;
}

// Requests are read as they arrive, whatever the running lambda does, so a lambda waiting on a
// promise that never settles still leaves the worker listening (xs then stops it at its timeout).
const queue = [];
let wake = null;

async function readRequests() {
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of Deno.stdin.readable) {
    buffered += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      if (line.trim() === "") continue;
      queue.push(JSON.parse(line));
      if (wake) {
        wake();
        wake = null;
      }
    }
  }
  Deno.exit(0);
}

readRequests();
while (true) {
  if (queue.length === 0) {
    await new Promise((resolve) => (wake = resolve));
    continue;
  }
  const message = queue.shift();
  if (marker === null) {
    marker = message.marker;
    dir = message.dir;
    send(JSON.stringify({ ready: true }));
    continue;
  }
  send(await run(message));
}
