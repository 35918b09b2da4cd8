'use strict';
// The official client against an exported workspace served by xs (samples/bookshelf): the REST
// calls go to apiGroupBaseUrl, the login endpoint's token authenticates, and an event that an
// endpoint publishes reaches the client's channel.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { startServer, stopServer, installWebSocket, Inbox, CANONICAL, ROOT } = require('../lib/harness');

let server;
let SDK;

before(async () => {
  server = await startServer(path.join(ROOT, 'samples', 'bookshelf'));
  installWebSocket(server.port);
  SDK = require('@xano/js-sdk');
});

after(async () => {
  assert.equal(await stopServer(server), 0);
});

test('sign up, log in, call an auth endpoint, and receive the event it published', async () => {
  const xano = new SDK.XanoClient({
    apiGroupBaseUrl: `http://127.0.0.1:${server.port}/api:bk7Qx2Lp`,
    realtimeConnectionCanonical: CANONICAL,
    storage: new SDK.XanoObjectStorage(),
  });
  await xano.post('/auth/signup', { name: 'Sam', email: 'sam@example.org', password: 'long enough' });
  const login = await xano.post('/auth/login', { email: 'sam@example.org', password: 'long enough' });
  const authToken = login.getBody().authToken;
  assert.equal(typeof authToken, 'string');
  xano.setAuthToken(authToken);
  xano.setRealtimeAuthToken(authToken);

  const me = await xano.get('/auth/me');
  assert.equal(me.getBody().email, 'sam@example.org');
  const page = await xano.get('/books', { page: 1, per_page: 2 });
  assert.equal(page.getBody().items.length, 2);

  const channel = xano.channel('book:3');
  const inbox = new Inbox();
  channel.on((frame) => inbox.push(frame));
  await inbox.next('join');
  const review = await xano.post('/books/3/reviews', { stars: 5, body: 'A classic.' });
  assert.equal(review.getStatusCode(), 200);
  const event = await inbox.next('event');
  assert.equal(event.options.event, 'review');
  assert.equal(event.payload.body, 'A classic.');
  assert.equal(event.payload.customer_id, me.getBody().id);
  channel.destroy();

  // A wrong password is Xano's error body, surfaced by the SDK as a XanoRequestError.
  await assert.rejects(xano.post('/auth/login', { email: 'sam@example.org', password: 'nope' }), (e) => {
    assert.equal(e.getResponse().getStatusCode(), 403);
    assert.equal(e.getResponse().getBody().message, 'Invalid Credentials.');
    return true;
  });
});
