// The xs developer console: lists the loaded program, calls functions, joins realtime channels
// and shows the database. It talks only to this server: /console/api/* (program, tables, dev
// tokens), POST /function/NAME, and the realtime WebSocket with the same protocol as any client.
'use strict';

(() => {
  const $ = (selector) => document.querySelector(selector);
  const MAX_FRAMES = 500;

  // ---- small helpers ------------------------------------------------------------------------

  /** Builds an element; text always goes in as text, never as HTML. */
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  /** Replaces a node's children, skipping null and undefined (replaceChildren would print "null"). */
  function fill(node, ...children) {
    node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
    return node;
  }

  function pretty(value) {
    return JSON.stringify(value, null, 2);
  }

  function compact(value, max = 160) {
    const text = value === undefined ? '' : JSON.stringify(value);
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  }

  function clock(date = new Date()) {
    const two = (n) => String(n).padStart(2, '0');
    return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`;
  }

  /** fetch, with the body read as JSON when it is JSON. */
  async function request(path, options = {}) {
    const started = performance.now();
    const response = await fetch(path, options);
    const text = await response.text();
    let body = text;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch (e) {
      // not JSON: shown as text
    }
    return {
      status: response.status, statusText: response.statusText, ok: response.ok, body,
      ms: Math.round(performance.now() - started),
    };
  }

  function errorMessage(result) {
    if (result.body && typeof result.body === 'object' && result.body.message) return result.body.message;
    return `${result.status} ${result.statusText}`;
  }

  // ---- state --------------------------------------------------------------------------------

  const state = {
    server: null,
    program: null,
    identity: { kind: 'anonymous', user: null, token: null },
    fn: null,
  };

  const rt = {
    ws: null,
    opening: null,
    status: 'offline',
    me: null,
    /** name -> {status: joining|joined, presence: Map socketId->client, peers: Map, wantPresence, wantHistory} */
    channels: new Map(),
    active: null,
    /** Whether the user wants to be connected: a close then leads to a reconnection. */
    keep: false,
    /** The pending automatic reconnection, and the wait before the next one (doubling up to a limit). */
    retry: null,
    retryDelay: 1000,
  };

  // ---- identity -----------------------------------------------------------------------------

  function identityLabel() {
    return state.identity.kind === 'user' ? `user ${state.identity.user}` : 'anonymous';
  }

  function showIdentity(message, isError) {
    const status = $('#identity-status');
    status.textContent = message;
    status.classList.toggle('error', Boolean(isError));
    status.classList.remove('muted');
    $('#call-as').textContent = `as ${identityLabel()}`;
  }

  async function applyIdentity(event) {
    event.preventDefault();
    const form = $('#identity');
    const previous = state.identity;
    if (form.who.value === 'anonymous') {
      state.identity = { kind: 'anonymous', user: null, token: null };
      showIdentity('Acting as anonymous');
    } else {
      const user = $('#user-id').value.trim();
      if (!user) {
        showIdentity('Type a user id first', true);
        $('#user-id').focus();
        return;
      }
      let extras = {};
      const extrasText = $('#user-extras').value.trim();
      if (extrasText) {
        try {
          extras = JSON.parse(extrasText);
        } catch (e) {
          showIdentity('Extras must be a JSON object', true);
          return;
        }
        if (!extras || typeof extras !== 'object' || Array.isArray(extras)) {
          showIdentity('Extras must be a JSON object', true);
          return;
        }
      }
      showIdentity('Asking the server for a dev token…');
      const result = await request('/console/api/token', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user, extras }),
      });
      if (!result.ok) {
        form.who.value = previous.kind;
        showIdentity(errorMessage(result), true);
        return;
      }
      state.identity = { kind: 'user', user: result.body.user, token: result.body.token, extras,
        table: result.body.table };
      showIdentity(`Acting as user ${result.body.user} (token for table "${result.body.table}")`);
    }
    if (rt.ws && previous.token !== state.identity.token) {
      logNote(`reconnecting as ${identityLabel()}`);
      await connect();
    }
  }

  // ---- the program ----------------------------------------------------------------------------

  function renderSummary() {
    const p = state.program;
    const count = (n, word, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${state.server.realtime_path}`;
    const summary = $('#summary');
    summary.replaceChildren(
      el('span', { text: [count((p.api_groups || []).reduce((n, g) => n + g.queries.length, 0), 'query', 'queries'),
        count(p.functions.length, 'function'), count(p.realtime_channels.length, 'channel'),
        count(p.realtime_triggers.length, 'trigger'), count(p.tables.length, 'table')].join(' · ') }),
      el('span', { class: 'url', title: 'The realtime endpoint this page uses', text: url }),
    );
    if (!state.server.auth_secret) {
      // Without a secret the server signs no token: only anonymous clients can connect.
      for (const input of [$('#who-user'), $('#user-id'), $('#user-extras')]) input.disabled = true;
      $('#identity').querySelector('button[type=submit]').disabled = true;
    }
  }

  function renderFunctions() {
    const list = $('#function-list');
    const filter = $('#function-filter');
    const needle = filter.value.trim().toLowerCase();
    filter.hidden = state.program.functions.length <= 8;
    const items = state.program.functions
      .filter((f) => !needle || f.name.toLowerCase().includes(needle))
      .map((f) => el('li', {},
        el('button', {
          type: 'button', class: 'item', 'aria-pressed': String(state.fn === f), dataset: { fn: f.name },
          onclick: () => selectFunction(f),
        },
        el('span', { class: 'name', text: f.name }),
        el('span', { class: 'meta', text: f.inputs.length ? f.inputs.map((i) => i.name).join(', ') : 'no inputs' }))));
    list.replaceChildren(...(items.length ? items : [el('li', { class: 'empty', text: 'No functions loaded.' })]));
  }

  function badge(text, kind = '') {
    return el('span', { class: `badge ${kind}`, text });
  }

  function renderChannels() {
    const list = $('#channel-list');
    const channels = state.program.realtime_channels;
    list.replaceChildren(...(channels.length ? channels.map((c) => {
      const s = c.settings;
      const badges = [];
      if (!c.active) badges.push(badge('inactive', 'off'));
      badges.push(badge(s.anonymous_clients ? 'anonymous ok' : 'users only'));
      if (c.public_messaging.active) badges.push(badge(c.public_messaging.auth ? 'messages (auth)' : 'messages'));
      if (c.private_messaging.active) badges.push(badge(c.private_messaging.auth ? 'private (auth)' : 'private'));
      if (s.presence) badges.push(badge('presence'));
      if (s.message_history) badges.push(badge(`history ${s.message_history}`));
      if (s.auth_channel) badges.push(badge('auth channel'));
      if (s.nested_channels) badges.push(badge('nested'));
      return el('li', {},
        el('button', {
          type: 'button', class: 'item', title: 'Put this channel in the join box',
          onclick: () => fillJoin(c.pattern),
        },
        el('span', { class: 'name', text: c.pattern }),
        c.description ? el('span', { class: 'meta', text: c.description }) : null,
        el('span', { class: 'badges' }, badges)));
    }) : [el('li', { class: 'empty', text: 'No realtime_channel declared.' })]));
    const suggestions = $('#channel-suggestions');
    suggestions.replaceChildren(...channels.filter((c) => c.active)
      .map((c) => el('option', { value: c.pattern.replaceAll('*', '1'), label: c.pattern })));
  }

  function renderTriggers() {
    const list = $('#trigger-list');
    const triggers = state.program.realtime_triggers;
    list.replaceChildren(...(triggers.length ? triggers.map((t) => {
      let on;
      if (t.event) on = `messages with event "${t.event}"`;
      else on = [t.actions.join ? 'joins' : null, t.actions.message ? 'messages' : null].filter(Boolean).join(' and ') || 'nothing';
      return el('li', { class: 'item static' },
        el('span', { class: 'name', text: t.name }),
        el('span', { class: 'meta', text: `on ${t.channel || '?'}: ${on}` }),
        t.active ? null : el('span', { class: 'badges' }, badge('inactive', 'off')));
    }) : [el('li', { class: 'empty', text: 'No realtime_trigger declared.' })]));
  }

  function every(seconds) {
    if (!seconds) return 'once';
    if (seconds % 86400 === 0) return `every ${seconds / 86400} d`;
    if (seconds % 3600 === 0) return `every ${seconds / 3600} h`;
    if (seconds % 60 === 0) return `every ${seconds / 60} min`;
    return `every ${seconds} s`;
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString() : '';
  }

  function renderTasks() {
    const list = $('#task-list');
    const tasks = state.program.tasks || [];
    list.replaceChildren(...(tasks.length ? tasks.map((t) => {
      const plan = t.schedule.map((s) => every(s.freq)).join(', ') || 'no schedule';
      const badges = [];
      if (!t.active) badges.push(badge('inactive', 'off'));
      if (t.running) badges.push(badge('running'));
      if (t.problem) badges.push(badge(t.problem, 'off'));
      const last = t.last_run;
      const lastText = last ? `last ${when(last.started_at)}: ${last.ok ? 'ok' : 'failed'} in ${last.millis} ms` : 'not run yet';
      return el('li', { class: 'item static', dataset: { task: t.name } },
        el('span', { class: 'name', text: t.name }),
        el('span', { class: 'meta', text: `${plan}${t.next_run ? ` · next ${when(t.next_run)}` : ''}` }),
        el('span', { class: `meta${last && !last.ok ? ' error' : ''}`, title: last && last.error ? last.error : '', text: lastText }),
        badges.length ? el('span', { class: 'badges' }, badges) : null,
        el('button', { type: 'button', class: 'secondary small', text: 'Run now', onclick: () => runTask(t.name) }));
    }) : [el('li', { class: 'empty', text: 'No task declared.' })]));
  }

  function renderTableTriggers() {
    const list = $('#table-trigger-list');
    const triggers = state.program.table_triggers || [];
    list.replaceChildren(...(triggers.length ? triggers.map((t) => el('li', { class: 'item static' },
      el('span', { class: 'name', text: t.name }),
      el('span', { class: 'meta', text: `on ${t.actions.join(', ') || 'nothing'} of ${t.table}` }),
      el('span', { class: `meta${t.failures ? ' error' : ''}`, title: t.last_error || '',
        text: `${t.runs} run${t.runs === 1 ? '' : 's'}${t.failures ? `, ${t.failures} failed: ${t.last_error}` : ''}` }),
      t.active ? null : el('span', { class: 'badges' }, badge('inactive', 'off'))))
      : [el('li', { class: 'empty', text: 'No table_trigger declared.' })]));
  }

  async function runTask(name) {
    logNote(`task ${name}: running now`);
    const result = await request(`/console/api/tasks/${encodeURIComponent(name)}/run`, { method: 'POST' });
    if (!result.ok) logNote(`task ${name}: ${errorMessage(result)}`, true);
    else if (result.body.ok === false) logNote(`task ${name}: failed: ${result.body.error}`, true);
    else logNote(`task ${name}: ${result.body.millis === undefined ? result.body.message : `ok in ${result.body.millis} ms`}`);
    await refreshTasks();
  }

  /** Next runs and last results change while the page is open: read them again now and then. */
  async function refreshTasks() {
    if (!state.program || !((state.program.tasks || []).length || (state.program.table_triggers || []).length)) return;
    const program = await request('/console/api/program');
    if (!program.ok) return;
    state.program.tasks = program.body.tasks || [];
    state.program.table_triggers = program.body.table_triggers || [];
    renderTasks();
    renderTableTriggers();
  }

  function fillJoin(pattern) {
    const input = $('#join-channel');
    input.value = pattern;
    input.focus();
    const star = pattern.indexOf('*');
    if (star >= 0) input.setSelectionRange(star, star + 1);
  }

  // ---- calling a function ---------------------------------------------------------------------

  /** A starting value for a declared input: its default, its first enum value, or a typed blank. */
  function sample(field) {
    let value;
    if (field.default !== null && field.default !== undefined) return field.default;
    if (field.values && field.values.length) value = field.values[0];
    else if (field.fields) value = sampleObject(field.fields);
    else {
      switch (field.type) {
        case 'int': case 'decimal': case 'timestamp': value = 0; break;
        case 'bool': value = false; break;
        case 'json': value = field.nullable ? null : {}; break;
        case 'object': value = {}; break;
        case 'date': value = new Date().toISOString().slice(0, 10); break;
        default: value = '';
      }
    }
    return field.array ? [] : value;
  }

  function sampleObject(fields) {
    const out = {};
    for (const f of fields) {
      if (!f.optional) out[f.name] = sample(f);
      else if (f.default !== null && f.default !== undefined) out[f.name] = f.default;
    }
    return out;
  }

  function describeField(f) {
    const notes = [];
    if (f.optional) notes.push('optional');
    if (f.nullable) notes.push('may be null');
    if (f.default !== null && f.default !== undefined) notes.push(`default ${compact(f.default, 40)}`);
    if (f.values) notes.push(`one of ${f.values.map((v) => JSON.stringify(v)).join(', ')}`);
    if (f.filters && f.filters.length) notes.push(`filters ${f.filters.join('|')}`);
    if (f.description) notes.push(f.description);
    return notes.join(' · ');
  }

  function inputRows(fields, depth = 0) {
    return fields.flatMap((f) => [
      el('tr', {},
        el('td', { class: 'mono', dataset: { depth: String(Math.min(depth, 3)) }, text: f.name }),
        el('td', { class: 'mono type', text: `${f.type}${f.array ? '[]' : ''}${f.nullable ? '?' : ''}` }),
        el('td', { text: describeField(f) })),
      ...(f.fields ? inputRows(f.fields, depth + 1) : []),
    ]);
  }

  function selectFunction(fn) {
    state.fn = fn;
    renderFunctions();
    fill($('#function-info'),
      el('h3', { class: 'fn-name', text: fn.name }),
      fn.description ? el('p', { class: 'description', text: fn.description }) : null,
      fn.inputs.length
        ? el('table', { class: 'inputs' },
          el('caption', { class: 'visually-hidden', text: `Inputs of ${fn.name}` }),
          el('thead', {}, el('tr', {}, el('th', { text: 'input' }), el('th', { text: 'type' }), el('th', { text: 'notes' }))),
          el('tbody', {}, inputRows(fn.inputs)))
        : el('p', { class: 'hint', text: 'This function declares no inputs.' }),
    );
    $('#call-form').hidden = false;
    $('#call-input').value = pretty(sampleObject(fn.inputs));
    $('#call-result').replaceChildren();
  }

  async function callFunction(event) {
    event.preventDefault();
    const fn = state.fn;
    if (!fn) return;
    const text = $('#call-input').value.trim();
    const result = $('#call-result');
    if (text) {
      try {
        JSON.parse(text);
      } catch (e) {
        result.replaceChildren(el('div', { class: 'status error', text: `The input is not valid JSON: ${e.message}` }));
        return;
      }
    }
    const headers = { 'Content-Type': 'application/json' };
    if (state.identity.token) headers.Authorization = `Bearer ${state.identity.token}`;
    if (db.source !== 'live') headers['X-Data-Source'] = db.source;
    const button = $('#call-button');
    button.disabled = true;
    try {
      const path = `/function/${fn.name.split('/').map(encodeURIComponent).join('/')}`;
      const r = await request(path, { method: 'POST', headers, body: text || '{}' });
      result.replaceChildren(
        el('div', { class: `status ${r.ok ? 'ok' : 'error'}` },
          el('strong', { text: `${r.status} ${r.statusText || (r.ok ? 'OK' : 'Error')}` }),
          el('span', { text: ` · ${r.ms} ms · ${fn.name} as ${identityLabel()}${inSource()}` })),
        el('pre', { class: 'json', tabindex: '0', 'aria-label': 'Response body', text: typeof r.body === 'string' ? r.body : pretty(r.body) }),
      );
    } catch (e) {
      result.replaceChildren(el('div', { class: 'status error', text: `The call did not reach the server: ${e.message}` }));
    } finally {
      button.disabled = false;
    }
  }

  // ---- realtime -------------------------------------------------------------------------------

  function setStatus(status, text) {
    rt.status = status;
    const node = $('#rt-status');
    node.dataset.status = status;
    node.querySelector('.text').textContent = text;
    $('#rt-connect').textContent = status === 'offline' ? 'Connect' : 'Disconnect';
  }

  const CLOSE_REASONS = {
    1000: 'closed',
    1006: 'the connection was refused or lost (an invalid or expired token is refused with 401)',
    1009: 'a frame was too large',
    1012: 'the server is restarting',
    1013: 'too slow to read its frames',
    4001: 'the token expired',
  };
  /**
   * Closes after which the console dials again by itself, waiting 1 s, then 2, 4, up to 10 s: the
   * server stopped, restarted or dropped us. Not after a close we asked for, a refused token that
   * expired (4001) or a frame the server would refuse again (1009).
   */
  const RECONNECT_CODES = new Set([1001, 1006, 1011, 1012, 1013]);
  const RECONNECT_MAX_MS = 10_000;

  /** Opens the socket as the current identity; resolves once it is open. */
  function connect() {
    cancelReconnect();
    rt.keep = true;
    if (rt.ws) {
      const old = rt.ws;
      rt.ws = null;
      old.onclose = null;
      old.close(1000);
    }
    rt.me = null;
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${state.server.realtime_path}`;
    // The token travels as the subprotocol, as the official client sends it.
    const ws = state.identity.token ? new WebSocket(url, [state.identity.token]) : new WebSocket(url);
    rt.ws = ws;
    setStatus('connecting', `connecting as ${identityLabel()}…`);
    rt.opening = new Promise((resolve) => {
      ws.onopen = () => {
        const reconnected = rt.retryDelay > 1000;
        rt.retryDelay = 1000;
        setStatus('online', `connected as ${identityLabel()}`);
        logNote(`connected to ${url} as ${identityLabel()}`);
        if (reconnected) reloadProgram();
        for (const [name, ch] of rt.channels) sendJoin(name, ch);
        resolve(true);
      };
      ws.onclose = (e) => {
        if (rt.ws !== ws) return;
        rt.ws = null;
        for (const ch of rt.channels.values()) {
          ch.status = 'joining';
          ch.presence.clear();
        }
        setStatus('offline', 'not connected');
        logNote(`connection closed (${e.code}${CLOSE_REASONS[e.code] ? `: ${CLOSE_REASONS[e.code]}` : ''})`, e.code !== 1000);
        renderRealtime();
        if (rt.keep && RECONNECT_CODES.has(e.code)) scheduleReconnect();
        resolve(false);
      };
    });
    ws.onmessage = (e) => {
      let frame;
      try {
        frame = JSON.parse(e.data);
      } catch (err) {
        logNote(`a frame that is not JSON: ${String(e.data).slice(0, 200)}`, true);
        return;
      }
      onFrame(frame);
    };
    return rt.opening;
  }

  function disconnect() {
    rt.keep = false;
    const reconnecting = rt.retryDelay > 1000;
    rt.retryDelay = 1000;
    cancelReconnect();
    if (reconnecting) logNote('stopped reconnecting');
    if (rt.ws) {
      rt.ws.close(1000);
    } else {
      setStatus('offline', 'not connected');
    }
  }

  function scheduleReconnect() {
    const delay = rt.retryDelay;
    rt.retryDelay = Math.min(delay * 2, RECONNECT_MAX_MS);
    setStatus('connecting', `reconnecting in ${delay / 1000} s…`);
    logNote(`reconnecting in ${delay / 1000} s`);
    rt.retry = setTimeout(() => {
      rt.retry = null;
      connect();
    }, delay);
  }

  function cancelReconnect() {
    if (rt.retry) {
      clearTimeout(rt.retry);
      rt.retry = null;
    }
  }

  function send(frame) {
    rt.ws.send(JSON.stringify(frame));
    logFrame('out', frame);
  }

  function sendJoin(name, ch) {
    ch.status = 'joining';
    send({ action: 'join', options: { channel: name }, payload: { presence: ch.wantPresence, history: ch.wantHistory } });
  }

  async function join(event) {
    event.preventDefault();
    const name = $('#join-channel').value.trim();
    if (!name) return;
    if (!rt.ws && !(await connect())) return;
    if (rt.ws.readyState !== WebSocket.OPEN && !(await rt.opening)) return;
    let ch = rt.channels.get(name);
    if (!ch) {
      ch = { status: 'joining', presence: new Map(), peers: new Map() };
      rt.channels.set(name, ch);
    }
    ch.wantPresence = $('#join-presence').checked;
    ch.wantHistory = $('#join-history').checked;
    rt.active = name;
    sendJoin(name, ch);
    renderRealtime();
  }

  function leave(name) {
    if (rt.ws && rt.ws.readyState === WebSocket.OPEN) send({ action: 'leave', options: { channel: name }, payload: null });
    rt.channels.delete(name);
    if (rt.active === name) rt.active = rt.channels.keys().next().value || null;
    renderRealtime();
  }

  function who(client) {
    if (!client) return 'server';
    const p = client.permissions || {};
    const id = client.socketId ? ` ${client.socketId.slice(0, 6)}` : '';
    const name = p.row_id ? `user ${p.row_id}` : 'anonymous';
    return client.socketId && client.socketId === rt.me ? `you (${name})` : `${name}${id}`;
  }

  function onFrame(frame) {
    const name = frame.options && frame.options.channel;
    const ch = name ? rt.channels.get(name) : null;
    switch (frame.action) {
      case 'join':
        if (frame.client && frame.client.socketId) rt.me = frame.client.socketId;
        if (ch) ch.status = 'joined';
        break;
      case 'presence_full':
        if (ch) ch.presence = new Map(((frame.payload && frame.payload.presence) || []).map((c) => [c.socketId, c]));
        break;
      case 'presence_update':
        if (ch && frame.payload && frame.payload.presence) {
          const c = frame.payload.presence;
          if (frame.payload.action === 'leave') ch.presence.delete(c.socketId);
          else ch.presence.set(c.socketId, c);
        }
        break;
      case 'message':
        if (ch && frame.client && frame.client.socketId) ch.peers.set(frame.client.socketId, frame.client);
        break;
      case 'error':
        if (ch && ch.status === 'joining') {
          rt.channels.delete(name);
          if (rt.active === name) rt.active = rt.channels.keys().next().value || null;
        }
        break;
      default:
    }
    logFrame('in', frame);
    renderRealtime();
  }

  function describe(dir, frame) {
    const p = frame.payload;
    const o = frame.options || {};
    switch (frame.action) {
      case 'join':
        return dir === 'in' ? `joined as ${who(frame.client)} (socket ${frame.client && frame.client.socketId})`
          : `presence: ${Boolean(p && p.presence)}, history: ${Boolean(p && p.history)}`;
      case 'leave':
        return '';
      case 'message': {
        const parts = [];
        if (o.event) parts.push(`event "${o.event}"`);
        if (o.socketId) parts.push(`private to ${o.socketId === rt.me ? 'you' : o.socketId.slice(0, 6)}`);
        if (o.authenticated) parts.push('authenticated only');
        if (dir === 'in') parts.unshift(`from ${who(frame.client)}`);
        return `${parts.join(', ')}${parts.length ? ': ' : ''}${compact(p)}`;
      }
      case 'event':
        return `${o.event ? `"${o.event}" ` : ''}${compact(p)}`;
      case 'presence_full': {
        const list = (p && p.presence) || [];
        return `${list.length} present: ${list.map(who).join(', ')}`;
      }
      case 'presence_update':
        return `${p && p.action} ${who(p && p.presence)}`;
      case 'history': {
        const list = (p && p.history) || [];
        return `${list.length} stored frame${list.length === 1 ? '' : 's'}${list.length ? `: ${list.map((f) => f.action).join(', ')}` : ''}`;
      }
      case 'error':
        return `${p && p.code}: ${p && p.message}`;
      default:
        return compact(p);
    }
  }

  function appendLog(node) {
    const log = $('#frames');
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    log.append(node);
    while (log.children.length > MAX_FRAMES) log.firstElementChild.remove();
    if (atBottom) log.scrollTop = log.scrollHeight;
  }

  function logFrame(dir, frame) {
    const channel = frame.options && frame.options.channel;
    const body = [el('pre', { class: 'json', text: pretty(frame) })];
    if (frame.action === 'history' && frame.payload && Array.isArray(frame.payload.history)) {
      body.unshift(el('ol', { class: 'nested' }, frame.payload.history.map((f) => el('li', {},
        el('span', { class: `action ${f.action}`, text: f.action }), ' ', el('span', { text: describe('in', f) })))));
    }
    appendLog(el('li', { class: `frame ${dir} ${frame.action}`, dataset: { action: frame.action, dir, channel: channel || '' } },
      el('details', {},
        el('summary', {},
          el('time', { text: clock() }),
          el('span', { class: 'dir', 'aria-label': dir === 'in' ? 'received' : 'sent', text: dir === 'in' ? '←' : '→' }),
          el('span', { class: `action ${frame.action}`, text: frame.action }),
          channel ? el('span', { class: 'channel', text: channel }) : null,
          el('span', { class: 'text', text: describe(dir, frame) })),
        body)));
  }

  function logNote(text, isError) {
    appendLog(el('li', { class: `note${isError ? ' error' : ''}` }, el('time', { text: clock() }), el('span', { text })));
  }

  function renderRealtime() {
    const chips = $('#joined-channels');
    chips.replaceChildren(...[...rt.channels].map(([name, ch]) => el('li', { class: `chip is-${ch.status}` },
      el('button', {
        type: 'button', class: 'chip-name', 'aria-pressed': String(rt.active === name),
        title: ch.status === 'joined' ? 'Show its presence and send to it' : 'Waiting for the join reply',
        onclick: () => { rt.active = name; renderRealtime(); },
      }, name),
      el('button', { type: 'button', class: 'chip-leave', 'aria-label': `Leave ${name}`, title: 'Leave', onclick: () => leave(name) }, '×'))));
    if (!rt.channels.size) chips.append(el('li', { class: 'hint', text: 'No channel joined yet.' }));

    const ch = rt.active ? rt.channels.get(rt.active) : null;
    const presence = $('#presence');
    if (ch && ch.wantPresence && ch.presence.size) {
      presence.replaceChildren(el('span', { class: 'hint', text: `Present in ${rt.active}:` }),
        ...[...ch.presence.values()].map((c) => el('button', {
          type: 'button', class: `person${c.socketId === rt.me ? ' me' : ''}`, title: `socket ${c.socketId}: click to send a private message`,
          onclick: () => { $('#send-to').value = c.socketId; $('#send-payload').focus(); },
        }, who(c))));
    } else {
      presence.replaceChildren();
    }

    const to = $('#send-to');
    const previous = to.value;
    const targets = new Map();
    if (ch) {
      for (const [id, c] of ch.peers) targets.set(id, c);
      for (const [id, c] of ch.presence) targets.set(id, c);
    }
    to.replaceChildren(el('option', { value: '', text: ch ? `everyone in ${rt.active}` : 'join a channel first' }),
      ...[...targets].map(([id, c]) => el('option', { value: id, text: `only ${who(c)} (private)` })));
    to.value = targets.has(previous) ? previous : '';
    $('#send-button').disabled = !ch || ch.status !== 'joined' || !rt.ws;
  }

  function sendMessage(event) {
    event.preventDefault();
    const error = $('#send-error');
    error.textContent = '';
    const ch = rt.active ? rt.channels.get(rt.active) : null;
    if (!ch || !rt.ws) {
      error.textContent = 'Join a channel first.';
      return;
    }
    const text = $('#send-payload').value.trim();
    let payload = null;
    if (text) {
      try {
        payload = JSON.parse(text);
      } catch (e) {
        error.textContent = `The payload is not valid JSON: ${e.message}`;
        return;
      }
    }
    const options = { channel: rt.active };
    const eventName = $('#send-event').value.trim();
    if (eventName) options.event = eventName;
    if ($('#send-authenticated').checked) options.authenticated = true;
    const target = $('#send-to').value;
    if (target) options.socketId = target;
    send({ action: 'message', options, payload });
  }

  // ---- database -------------------------------------------------------------------------------

  const db = { source: 'live', table: null, page: 1, pageTotal: 1 };

  // The data sources that exist (live, then those X-Data-Source or db.set_datasource opened). The
  // one picked is where function calls and API requests run, as Xano's workspace data source is.
  async function loadDataSources() {
    const r = await request('/console/api/datasources');
    if (!r.ok) return;
    const names = r.body.datasources;
    if (!names.includes(db.source)) db.source = 'live';
    $('#datasource').replaceChildren(...names.map((n) => el('option', { value: n, text: n })));
    $('#datasource').value = db.source;
  }

  // How a call's status line names a data source other than live.
  function inSource() {
    return db.source === 'live' ? '' : ` in ${db.source}`;
  }

  function sourceQuery() {
    return `datasource=${encodeURIComponent(db.source)}`;
  }

  async function loadTables() {
    const list = $('#table-list');
    const r = await request(`/console/api/tables?${sourceQuery()}`);
    if (!r.ok) {
      list.replaceChildren(el('li', { class: 'empty error', text: errorMessage(r) }));
      return;
    }
    const tables = r.body.tables;
    list.replaceChildren(...(tables.length ? tables.map((t) => el('li', {},
      el('button', {
        type: 'button', class: 'item', 'aria-pressed': String(db.table === t.name), dataset: { table: t.name },
        onclick: () => { db.page = 1; db.table = t.name; loadTables(); loadRows(); },
      },
      el('span', { class: 'name', text: t.name }),
      el('span', { class: 'meta', text: `${t.rows} row${t.rows === 1 ? '' : 's'}${t.declared ? '' : ' · not declared'}` })))) : [el('li', { class: 'empty', text: 'No tables.' })]));
  }

  function cell(value, type) {
    if (value === null || value === undefined) return el('td', { class: 'null', text: 'null' });
    if (typeof value === 'object') return el('td', { class: 'mono', title: pretty(value), text: compact(value, 80) });
    if (type === 'timestamp' && typeof value === 'number') {
      return el('td', { class: 'mono', title: `${value} (ms since 1970)`, text: new Date(value).toISOString().replace('T', ' ').slice(0, 19) });
    }
    return el('td', { class: typeof value === 'string' ? '' : 'mono', text: String(value) });
  }

  async function loadRows() {
    const rows = $('#rows');
    if (!db.table) return;
    const r = await request(`/console/api/tables/${encodeURIComponent(db.table)}?page=${db.page}&${sourceQuery()}`);
    if (!r.ok) {
      rows.replaceChildren(el('p', { class: 'empty error', text: errorMessage(r) }));
      return;
    }
    const page = r.body;
    db.pageTotal = Math.max(1, page.page_total || 1);
    fill($('#rows-title'), 'Rows of ', el('code', { text: page.table }));
    $('#rows-page').textContent = `page ${page.page} of ${db.pageTotal} · ${page.items_total} row${page.items_total === 1 ? '' : 's'}`;
    $('#rows-prev').disabled = page.page <= 1;
    $('#rows-next').disabled = page.page >= db.pageTotal;
    if (!page.items.length) {
      rows.replaceChildren(el('p', { class: 'empty', text: 'This table has no rows.' }));
      return;
    }
    rows.replaceChildren(el('table', { class: 'grid' },
      el('caption', { class: 'visually-hidden', text: `Rows of ${page.table}, page ${page.page}` }),
      el('thead', {}, el('tr', {}, page.columns.map((c) => el('th', { scope: 'col' },
        el('span', { text: c.name }), c.type ? el('span', { class: 'type', text: c.type === 'timestamp' ? 'timestamp (UTC)' : c.type }) : null)))),
      el('tbody', {}, page.items.map((row) => el('tr', {}, page.columns.map((c) => cell(row[c.name], c.type)))))));
  }

  // ---- tabs -----------------------------------------------------------------------------------

  function showTab(id) {
    for (const tab of document.querySelectorAll('[role=tab]')) {
      const selected = tab.getAttribute('aria-controls') === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
    }
    // Listed again on every tab: a request may have made one since.
    loadDataSources();
    if (id === 'database') {
      loadTables();
      loadRows();
    }
    if (id === 'outbox' && window.xsOutboxTab) window.xsOutboxTab.load();
  }

  // ---- start ----------------------------------------------------------------------------------

  async function start() {
    $('#identity').addEventListener('submit', applyIdentity);
    $('#user-id').addEventListener('focus', () => { $('#identity').who.value = 'user'; });
    $('#function-filter').addEventListener('input', renderFunctions);
    $('#call-form').addEventListener('submit', callFunction);
    $('#call-input').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) callFunction(e);
    });
    $('#call-reset').addEventListener('click', () => state.fn && selectFunction(state.fn));
    $('#rt-connect').addEventListener('click', () => (rt.status === 'offline' ? connect() : disconnect()));
    $('#join-form').addEventListener('submit', join);
    $('#send-form').addEventListener('submit', sendMessage);
    $('#send-payload').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) sendMessage(e);
    });
    $('#frames-clear').addEventListener('click', () => $('#frames').replaceChildren());
    $('#tables-refresh').addEventListener('click', () => { loadDataSources(); loadTables(); loadRows(); });
    $('#datasource').addEventListener('change', () => {
      db.source = $('#datasource').value;
      db.page = 1;
      loadTables();
      loadRows();
    });
    $('#rows-prev').addEventListener('click', () => { db.page = Math.max(1, db.page - 1); loadRows(); });
    $('#rows-next').addEventListener('click', () => { db.page = Math.min(db.pageTotal, db.page + 1); loadRows(); });
    for (const tab of document.querySelectorAll('[role=tab]')) {
      tab.addEventListener('click', () => showTab(tab.getAttribute('aria-controls')));
      tab.addEventListener('keydown', (e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          const tabs = [...document.querySelectorAll('[role=tab]')];
          const next = tabs[(tabs.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
          next.focus();
          showTab(next.getAttribute('aria-controls'));
        }
      });
    }

    const [server, program] = await Promise.all([request('/console/api/server'), request('/console/api/program')]);
    if (!server.ok || !program.ok) {
      $('#summary').textContent = `The console could not load the program: ${errorMessage(server.ok ? program : server)}`;
      return;
    }
    state.server = server.body;
    showProgram(program.body);
    renderRealtime();
    showIdentity(state.server.auth_secret ? '' : 'Anonymous only: this server has no --auth-secret');
    $('#identity-status').classList.toggle('muted', !state.server.auth_secret);
    setInterval(refreshTasks, 5000);
    setInterval(watchVersion, 1000);
    loadDataSources();
    document.body.dataset.ready = 'true';
  }

  function showProgram(program) {
    state.program = program;
    // The selected function keeps its place when a reloaded program still has it.
    if (state.fn) {
      state.fn = program.functions.find((f) => f.name === state.fn.name) || null;
      if (!state.fn) {
        $('#call-form').hidden = true;
        const gone = 'The function you had selected is not in the reloaded program.';
        fill($('#function-info'), el('p', { class: 'hint', text: gone }));
      }
    }
    renderSummary();
    renderFunctions();
    renderChannels();
    renderTriggers();
    renderTasks();
    renderTableTriggers();
    if (window.xsApiTab) window.xsApiTab.render(program);
  }

  /** The program without what changes as it runs (tasks' next run and last result). */
  function shape(program) {
    return JSON.stringify({
      ...program,
      tasks: (program.tasks || []).map((t) => t.name),
      table_triggers: (program.table_triggers || []).map((t) => t.name),
    });
  }

  /** Under xs serve --watch the server reloads edited scripts while the page is open: show the new program. */
  async function watchVersion() {
    if (!state.program || state.watching) return;
    state.watching = true;
    try {
      const version = await request('/console/api/version');
      if (!version.ok || version.body.version === state.program.version) return;
      const program = await request('/console/api/program');
      if (!program.ok) return;
      showProgram(program.body);
      logNote('the server reloaded the scripts: the lists show the new program');
    } catch (e) {
      // The server is away (stopped, restarting): the realtime status says so; ask again later.
    } finally {
      state.watching = false;
    }
  }

  /** After a reconnection the server may be a new process with edited scripts: show what it loaded. */
  async function reloadProgram() {
    const program = await request('/console/api/program');
    if (!program.ok || shape(program.body) === shape(state.program)) return;
    showProgram(program.body);
    logNote('the server loaded a changed program: the lists show it now');
  }

  // The API tab (api-tab.js) builds on these.
  window.xsConsole = { el, fill, pretty, request, sampleObject, inputRows, errorMessage, identityLabel, state,
    datasource: () => db.source, inSource };

  start();
})();
