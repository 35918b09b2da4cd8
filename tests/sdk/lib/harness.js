'use strict';
// Starts a real `xs serve`, mints tokens with `xs token`, and installs the WebSocket the SDK needs in Node.
const { spawn, execFileSync } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');
const WS = require('ws');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const JAVA = process.env.XS_JAVA || 'java';
// XS_CLASSPATH runs xs from compiled classes (the JUnit wrapper does this before the jar exists);
// otherwise XS_JAR, or the jar `mvn package` builds.
const XS = process.env.XS_CLASSPATH
  ? ['-cp', process.env.XS_CLASSPATH, 'xs.cli.Main']
  : ['-jar', process.env.XS_JAR || path.join(ROOT, 'target', 'xs.jar')];
const PROGRAM = path.join(ROOT, 'tests', 'realtime', 'hub');
const SECRET = 'sdk-test-secret';
const CANONICAL = 'sdk-test';

/** Starts `xs serve --port 0` (the realtime test program unless told) and resolves once it prints its readiness line. */
function startServer(program = PROGRAM) {
  return new Promise((resolve, reject) => {
    const proc = spawn(JAVA, [...XS, 'serve', program, '--port', '0', '--canonical', CANONICAL,
      '--auth-secret', SECRET], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr = [];
    proc.stderr.on('data', (d) => stderr.push(d));
    proc.on('exit', (code) => reject(new Error(`xs serve exited (${code}) before it was ready:\n${Buffer.concat(stderr)}`)));
    readline.createInterface({ input: proc.stdout }).once('line', (line) => {
      const m = /^xs serving http:\/\/127\.0\.0\.1:(\d+) \(realtime ws:\/\/127\.0\.0\.1:\d+\/rt\/(.+)\)$/.exec(line);
      if (!m) {
        reject(new Error(`unexpected readiness line: ${line}`));
        return;
      }
      proc.removeAllListeners('exit');
      resolve({ proc, port: Number(m[1]), canonical: m[2], stderr });
    });
  });
}

/** Stops the server with SIGTERM and resolves with its exit code. */
function stopServer(server) {
  return new Promise((resolve) => {
    server.proc.once('exit', (code) => resolve(code));
    server.proc.kill('SIGTERM');
  });
}

function token(user, extras) {
  const args = [...XS, 'token', '--user', String(user), '--secret', SECRET];
  if (extras) {
    args.push('--extras', JSON.stringify(extras));
  }
  return execFileSync(JAVA, args, { encoding: 'utf8' }).trim();
}

/**
 * The SDK always dials wss://HOST/rt/CANONICAL on port 443 and uses the global WebSocket,
 * which Node 20 lacks: this one is `ws`, with the URL pointed at the local server.
 */
function installWebSocket(port) {
  class LocalWebSocket extends WS {
    constructor(url, protocols) {
      super(String(url).replace(/^wss:\/\/[^/]+/, `ws://127.0.0.1:${port}`), protocols);
    }
  }
  globalThis.WebSocket = LocalWebSocket;
}

/** A plain protocol client (not the SDK), for the other members of a channel. */
function peer(port, tokenValue) {
  return new Promise((resolve, reject) => {
    const ws = new WS(`ws://127.0.0.1:${port}/rt/${CANONICAL}`, tokenValue ? [tokenValue] : undefined);
    ws.frames = [];
    ws.waiters = [];
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data));
      const i = ws.waiters.findIndex((w) => w.match(frame));
      if (i >= 0) {
        ws.waiters.splice(i, 1)[0].resolve(frame);
      } else {
        ws.frames.push(frame);
      }
    });
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
    ws.sendJson = (o) => ws.send(JSON.stringify(o));
    ws.next = (match, ms = 5000) => {
      const i = ws.frames.findIndex(match);
      if (i >= 0) {
        return Promise.resolve(ws.frames.splice(i, 1)[0]);
      }
      return new Promise((res, rej) => {
        const w = { match, resolve: (f) => { clearTimeout(timer); res(f); } };
        const timer = setTimeout(() => {
          ws.waiters.splice(ws.waiters.indexOf(w), 1);
          rej(new Error('peer: no matching frame'));
        }, ms);
        ws.waiters.push(w);
      });
    };
  });
}

/** Collects what an SDK channel's handlers see, and waits for frames of one action. */
class Inbox {
  constructor() {
    this.frames = [];
    this.waiters = [];
  }

  push(frame) {
    const i = this.waiters.findIndex((w) => w.match(frame));
    if (i >= 0) {
      this.waiters.splice(i, 1)[0].resolve(frame);
    } else {
      this.frames.push(frame);
    }
  }

  next(action, ms = 5000, extra = () => true) {
    const match = (f) => f.action === action && extra(f);
    const i = this.frames.findIndex(match);
    if (i >= 0) {
      return Promise.resolve(this.frames.splice(i, 1)[0]);
    }
    return new Promise((res, rej) => {
      const w = { match, resolve: (f) => { clearTimeout(timer); res(f); } };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        rej(new Error(`no ${action} frame within ${ms} ms; got ${JSON.stringify(this.frames.map((f) => f.action))}`));
      }, ms);
      this.waiters.push(w);
    });
  }

  count(action) {
    return this.frames.filter((f) => f.action === action).length;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

module.exports = { startServer, stopServer, token, installWebSocket, peer, Inbox, sleep, CANONICAL, ROOT };
