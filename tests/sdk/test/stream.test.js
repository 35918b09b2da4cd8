'use strict';
// The official client reads a streaming query (api.stream) the way it reads Xano's: with a
// streamingCallback, one XanoEventStream per event, in order, each carrying JSON data; a query
// that fails after its first event ends the stream with an "error" event.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startServer, stopServer } = require('../lib/harness');

const FILES = {
  'api/poems/poems.xs': 'api_group poems {\n  canonical = "poems01"\n}\n',
  'api/poems/frost_GET.xs': `query frost verb=GET {
  api_group = "poems"
  input {
    int lines?=3
  }
  stack {
    var $poem {
      value = ["Two roads diverged in a yellow wood,", "And sorry I could not travel both", {line: 3, last: true}]
    }
    foreach ($poem|slice:0:$input.lines) {
      each as $line {
        api.stream {
          value = $line
        }
      }
    }
  }
  response = null
}
`,
  'api/poems/broken_GET.xs': `query broken verb=GET {
  api_group = "poems"
  stack {
    api.stream {
      value = "first"
    }
    precondition (false) {
      error_type = "notfound"
      error = "the second stanza is missing"
    }
  }
  response = null
}
`,
};

let dir;
let server;
let SDK;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-sdk-stream-'));
  for (const [name, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  server = await startServer(dir);
  SDK = require('@xano/js-sdk');
});

after(async () => {
  assert.equal(await stopServer(server), 0);
  fs.rmSync(dir, { recursive: true, force: true });
});

function client() {
  return new SDK.XanoClient({
    apiGroupBaseUrl: `http://127.0.0.1:${server.port}/api:poems01`,
    storage: new SDK.XanoObjectStorage(),
  });
}

test('the SDK reads each streamed value as an event, in order', async () => {
  const events = [];
  const response = await client().get('/frost', { lines: 3 }, {}, (event) => events.push(event));
  assert.equal(response.getStatusCode(), 200);
  assert.deepEqual(events.map((e) => e.type), ['message', 'message', 'message']);
  assert.deepEqual(events.map((e) => e.id), ['1', '2', '3']);
  assert.deepEqual(events.map((e) => e.dataAsJSON()), [
    'Two roads diverged in a yellow wood,', 'And sorry I could not travel both', { line: 3, last: true }]);
});

test('a query that fails mid-stream ends with an error event carrying Xano\'s error body', async () => {
  const events = [];
  await client().get('/broken', {}, {}, (event) => events.push(event));
  assert.deepEqual(events.map((e) => e.type), ['message', 'error']);
  assert.equal(events[0].dataAsJSON(), 'first');
  assert.equal(events[1].dataAsJSON().code, 'ERROR_CODE_NOT_FOUND');
  assert.equal(events[1].dataAsJSON().message, 'the second stanza is missing');
});
