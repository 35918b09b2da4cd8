'use strict';
// The official client, unmodified, against a real `xs serve` (protocol §1-§3).
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, stopServer, token, installWebSocket, peer, Inbox, sleep, CANONICAL } = require('../lib/harness');

let server;
let xano;
let SDK;
const tokens = {};

before(async () => {
  server = await startServer();
  installWebSocket(server.port);
  SDK = require('@xano/js-sdk');
  tokens.ann = token(1, { name: 'Ann' });
  tokens.bob = token(2, { name: 'Bob' });
  tokens.cid = token(3);
  tokens.vetoed = token(13);
  xano = new SDK.XanoClient({
    instanceBaseUrl: 'https://xs.local',
    realtimeConnectionCanonical: CANONICAL,
    realtimeAuthToken: tokens.ann,
    // Node has no localStorage, the SDK's default storage.
    storage: new SDK.XanoObjectStorage(),
  });
});

after(async () => {
  const code = await stopServer(server);
  assert.equal(code, 0, 'xs serve exits cleanly on SIGTERM');
});

function open(name, options) {
  const channel = xano.channel(name, options);
  const inbox = new Inbox();
  const errors = new Inbox();
  channel.on((frame) => inbox.push(frame), (frame) => errors.push(frame));
  return { channel, inbox, errors };
}

test('the readiness line names the pinned canonical', () => {
  assert.equal(server.canonical, CANONICAL);
});

test('join with presence and history, presence updates, echo, private message, history, events', async () => {
  // Bob is already there and has said something.
  const bob = await peer(server.port, tokens.bob);
  bob.sendJson({ action: 'join', options: { channel: 'chat:sdk' }, payload: { presence: true, history: false } });
  const bobJoin = await bob.next((f) => f.action === 'join');
  const bobId = bobJoin.client.socketId;
  bob.sendJson({ action: 'message', options: { channel: 'chat:sdk' }, payload: { text: 'first' } });
  await bob.next((f) => f.action === 'message');

  const { channel, inbox } = open('chat:sdk', { presence: true, history: true });
  const joined = await inbox.next('join');
  assert.equal(joined.client.permissions.row_id, 1);
  assert.equal(joined.client.extras.name, 'Ann');
  const full = await inbox.next('presence_full');
  assert.equal(full.payload.presence.length, 2);
  const history = await inbox.next('history');
  assert.deepEqual(history.payload.history.map((f) => f.payload.text), ['first']);
  assert.equal((await bob.next((f) => f.action === 'presence_update')).payload.action, 'join');
  // The SDK joins more than once; nobody sees a second presence entry.
  await sleep(300);
  assert.equal(channel.getPresence().length, 2);

  // presence_update: a third member comes and goes
  const cid = await peer(server.port, tokens.cid);
  cid.sendJson({ action: 'join', options: { channel: 'chat:sdk' }, payload: { presence: false, history: false } });
  await inbox.next('presence_update', 5000, (f) => f.payload.action === 'join');
  assert.equal(channel.getPresence().length, 3);
  await bob.next((f) => f.action === 'presence_update' && f.payload.action === 'join');
  cid.sendJson({ action: 'leave', options: { channel: 'chat:sdk' }, payload: null });
  await inbox.next('presence_update', 5000, (f) => f.payload.action === 'leave');
  assert.equal(channel.getPresence().length, 2);
  await bob.next((f) => f.action === 'presence_update' && f.payload.action === 'leave');
  cid.close();

  // message echo: the sender gets its own message back, as do the others
  channel.message({ text: 'hello from the SDK' });
  const echo = await inbox.next('message', 5000, (f) => f.payload.text === 'hello from the SDK');
  assert.equal(echo.client.permissions.row_id, 1);
  await bob.next((f) => f.action === 'message' && f.payload.text === 'hello from the SDK');

  // private message through a presence entry
  const bobEntry = channel.getPresence().find((c) => c.socketId === bobId);
  assert.ok(bobEntry, 'Bob is in the presence list');
  bobEntry.message({ secret: 42 });
  const secret = await bob.next((f) => f.action === 'message' && f.payload.secret === 42);
  assert.equal(secret.options.socketId, bobId);
  assert.equal(secret.client.permissions.row_id, 1);

  // history on demand: oldest first, private messages not kept
  channel.history();
  const later = await inbox.next('history');
  assert.deepEqual(later.payload.history.map((f) => f.payload.text), ['first', 'hello from the SDK']);

  // an event produced by a function over HTTP
  const response = await fetch(`http://127.0.0.1:${server.port}/function/emit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.bob}` },
    body: JSON.stringify({ channel: 'chat:sdk', event: 'news', data: { headline: 'xs works' } }),
  });
  assert.equal(response.status, 200);
  const event = await inbox.next('event');
  assert.equal(event.options.event, 'news');
  assert.equal(event.payload.headline, 'xs works');

  // leaving tells the others exactly once
  channel.destroy();
  const leave = await bob.next((f) => f.action === 'presence_update' && f.payload.action === 'leave');
  assert.equal(leave.payload.presence.permissions.row_id, 1);
  await sleep(300);
  assert.deepEqual(bob.frames.filter((f) => f.action === 'presence_update'), [], 'exactly one leave');
  bob.close();
});

test('anonymous clients are refused where the channel requires auth', async () => {
  // realtimeReconnect() closes with 4000 and reconnects only when 4000 comes back.
  xano.setRealtimeAuthToken(null);
  const { channel, errors } = open('quiet:sdk', {});
  const refused = await errors.next('error');
  assert.equal(refused.payload.code, 'auth_required');
  assert.equal(refused.options.channel, 'quiet:sdk');
  channel.destroy();
  await sleep(200);
});

test('a join vetoed by a trigger', async () => {
  xano.setRealtimeAuthToken(tokens.vetoed);
  const { channel, errors } = open('gate:sdk', {});
  const refused = await errors.next('error');
  assert.equal(refused.payload.code, 'join_denied');
  channel.destroy();
  await sleep(200);
});

test('realtimeReconnect swaps the identity: the server answers 4000 and the SDK reconnects', async () => {
  xano.setRealtimeAuthToken(tokens.ann);
  const { channel, inbox } = open('chat:reconnect', {});
  const first = await inbox.next('join');
  assert.equal(first.client.permissions.row_id, 1);
  xano.setRealtimeAuthToken(tokens.bob);
  xano.realtimeReconnect();
  const again = await inbox.next('join', 8000, (f) => f.client.permissions.row_id === 2);
  assert.equal(again.client.extras.name, 'Bob');
  channel.destroy();
  await sleep(200);
});
