// The benchmark's baseline: a minimal Node `ws` broadcast hub speaking the subset of the xs realtime
// protocol (realtime-protocol.md, the specification beside the project) that the load generator
// uses, with the same frame shapes.
//
//   node server.js [--port 0] [--secret S]      prints "baseline listening on PORT"
//
// - ws://127.0.0.1:PORT/rt/ANY: the token travels as the subprotocol (HS256, `sub` = user id) and is
//   echoed; no subprotocol = anonymous.
// - join {channel} -> the `join` reply; leave {channel}; message {channel} -> fanned out to every member,
//   sender included, as {"action":"message","options":{"channel"},"payload",...,"client":{...}}.
//   Anonymous clients may join but not send (error auth_required), non-members may not send (not_joined).
// - GET /stats: {connections, heapUsed, rss, external} after a full GC when node runs with --expose-gc.
//
// One frame per recipient, serialized once: what a straightforward ws broadcast server does.
"use strict";

const http = require("http");
const crypto = require("crypto");
const { WebSocketServer } = require("ws");

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const port = Number(arg("--port", "0"));
const secret = arg("--secret", process.env.XS_AUTH_SECRET || "");

/** Verifies an HS256 token; returns its claims, or null. */
function verify(token) {
  const parts = token.split(".");
  if (parts.length !== 3 || !secret) {
    return null;
  }
  const mac = crypto.createHmac("sha256", secret).update(parts[0] + "." + parts[1]).digest("base64url");
  if (mac !== parts[2]) {
    return null;
  }
  const claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
  if (claims.exp && claims.exp * 1000 < Date.now()) {
    return null;
  }
  return claims;
}

function clientJson(socketId, claims) {
  if (!claims) {
    return JSON.stringify({ socketId, extras: {}, permissions: { dbo_id: 0, row_id: 0 } });
  }
  const id = /^\d+$/.test(String(claims.sub)) ? Number(claims.sub) : claims.sub;
  return JSON.stringify({
    socketId,
    extras: claims.extras || {},
    permissions: { dbo_id: 1, row_id: id, table: claims.table || "user" },
  });
}

/** channel name -> Set of sockets */
const channels = new Map();

function errorFrame(channel, code, message) {
  const options = channel ? { channel } : {};
  return JSON.stringify({ action: "error", options, payload: { code, message } });
}

function onMessage(ws, data) {
  let frame;
  try {
    frame = JSON.parse(data);
  } catch (e) {
    ws.send(errorFrame(null, "bad_request", "the frame is not JSON"));
    return;
  }
  const options = frame.options || {};
  const channel = options.channel;
  if (typeof channel !== "string" || channel.length === 0) {
    ws.send(errorFrame(null, "bad_request", "options.channel is required"));
    return;
  }
  switch (frame.action) {
    case "join": {
      let members = channels.get(channel);
      if (!members) {
        members = new Set();
        channels.set(channel, members);
      }
      members.add(ws);
      ws.channels.add(channel);
      ws.send('{"action":"join","options":' + JSON.stringify({ channel }) + ',"payload":{},"client":' + ws.client + "}");
      break;
    }
    case "leave": {
      const members = channels.get(channel);
      if (members && members.delete(ws)) {
        ws.channels.delete(channel);
        if (members.size === 0) {
          channels.delete(channel);
        }
      } else {
        ws.send(errorFrame(channel, "not_joined", "not a member"));
      }
      break;
    }
    case "message": {
      const members = channels.get(channel);
      if (!members || !members.has(ws)) {
        ws.send(errorFrame(channel, "not_joined", "join before sending"));
        return;
      }
      if (ws.anonymous) {
        ws.send(errorFrame(channel, "auth_required", "anonymous clients may receive but not send"));
        return;
      }
      const out = { channel };
      for (const key of ["authenticated", "event", "socketId"]) {
        if (options[key] !== undefined && options[key] !== null) {
          out[key] = options[key];
        }
      }
      const text = '{"action":"message","options":' + JSON.stringify(out) + ',"payload":'
        + JSON.stringify(frame.payload === undefined ? null : frame.payload) + ',"client":' + ws.client + "}";
      const bytes = Buffer.from(text, "utf8");
      for (const member of members) {
        member.send(bytes, { binary: false });
      }
      break;
    }
    default:
      ws.send(errorFrame(channel, "unknown_action", "unknown action"));
  }
}

const server = http.createServer((req, res) => {
  if (req.url === "/stats") {
    if (global.gc) {
      global.gc();
      global.gc();
    }
    const m = process.memoryUsage();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ connections: wss.clients.size, heapUsed: m.heapUsed, rss: m.rss, external: m.external }));
    return;
  }
  res.writeHead(404);
  res.end();
});

const wss = new WebSocketServer({
  noServer: true,
  // The token is the subprotocol; echo it, as xs does.
  handleProtocols: (protocols) => protocols.values().next().value || false,
});

server.on("upgrade", (req, socket, head) => {
  if (!req.url.startsWith("/rt/")) {
    socket.destroy();
    return;
  }
  const offered = req.headers["sec-websocket-protocol"];
  const token = offered ? offered.split(",")[0].trim() : "";
  let claims = null;
  if (token) {
    claims = verify(token);
    if (!claims) {
      socket.end("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n");
      return;
    }
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.anonymous = !claims;
    ws.client = clientJson(crypto.randomBytes(18).toString("base64url"), claims);
    ws.channels = new Set();
    ws.on("message", (data) => onMessage(ws, data));
    ws.on("close", () => {
      for (const channel of ws.channels) {
        const members = channels.get(channel);
        if (members) {
          members.delete(ws);
          if (members.size === 0) {
            channels.delete(channel);
          }
        }
      }
    });
  });
});

server.listen(port, "127.0.0.1", () => {
  console.log("baseline listening on " + server.address().port);
});

function stop() {
  for (const ws of wss.clients) {
    ws.close(1012);
  }
  server.close();
  setTimeout(() => process.exit(0), 200).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
