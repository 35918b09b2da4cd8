// The console's API tab: the workspace's api groups and their queries with their URLs, and a
// form that calls one: path parameters and inputs filled from the declaration, and, acting as a
// user, a dev token minted for the query's own auth table.
'use strict';

(() => {
  const $ = (selector) => document.querySelector(selector);
  const api = { program: null, query: null, tokens: new Map() };

  function render(program) {
    api.program = program;
    if (api.query) {
      const same = queries().find((q) => q.verb === api.query.verb && q.url === api.query.url);
      api.query = same || null;
      if (!same) $('#query-form').hidden = true;
    }
    renderList();
  }

  function queries() {
    return (api.program.api_groups || []).flatMap((g) => g.queries);
  }

  function renderList() {
    const { el, fill } = window.xsConsole;
    const needle = $('#query-filter').value.trim().toLowerCase();
    const groups = (api.program.api_groups || []).map((g) => {
      const items = g.queries
        .filter((q) => !needle || `${q.verb} ${q.url}`.toLowerCase().includes(needle))
        .map((q) => el('li', {},
          el('button', {
            type: 'button', class: 'item', 'aria-pressed': String(api.query === q), onclick: () => select(q),
          },
          el('span', { class: 'name' }, el('span', { class: 'verb', text: q.verb }), `/${q.path}`),
          el('span', { class: 'meta', text: q.auth ? `auth: ${q.auth}` : 'public' }))));
      return [
        el('h3', { class: 'group', text: `${g.name} · ${g.base_url}` }),
        el('ul', { class: 'items' }, items.length ? items : el('li', { class: 'empty', text: 'No queries.' })),
      ];
    });
    // Each group is a heading and its list: flattened, or the page would show "[object …]".
    fill($('#api-groups'), groups.length ? groups.flat() : el('p', { class: 'empty', text: 'No api groups loaded.' }));
  }

  function select(q) {
    const { el, fill, pretty, sampleObject, inputRows } = window.xsConsole;
    api.query = q;
    renderList();
    fill($('#query-info'),
      el('h3', { class: 'fn-name' }, el('span', { class: 'verb', text: q.verb }), `${location.origin}${q.url}`),
      q.description ? el('p', { class: 'description', text: q.description }) : null,
      el('p', { class: 'hint', text: q.auth ? `Needs a token for the "${q.auth}" table.` : 'Public.' }),
      q.inputs.length
        ? el('table', { class: 'inputs' },
          el('thead', {}, el('tr', {}, el('th', { text: 'input' }), el('th', { text: 'type' }), el('th', { text: 'notes' }))),
          el('tbody', {}, inputRows(q.inputs)))
        : el('p', { class: 'hint', text: 'This query declares no inputs.' }));
    const declared = new Map(q.inputs.map((f) => [f.name, f]));
    fill($('#query-params'), q.parameters.map((name) => el('div', { class: 'param-row' },
      el('label', { for: `param-${name}`, text: `{${name}}` }),
      el('input', { id: `param-${name}`, dataset: { param: name }, value: String(sampleObject([declared.get(name) || { name, type: 'text' }])[name] ?? ''), autocomplete: 'off' }))));
    const body = sampleObject(q.inputs.filter((f) => !q.parameters.includes(f.name)));
    $('#query-input').value = pretty(body);
    $('#query-form').hidden = false;
    $('#query-result').replaceChildren();
    $('#query-as').textContent = `as ${window.xsConsole.identityLabel()}`;
  }

  /** A dev token for the acting user in the query's auth table (minted once per table). */
  async function tokenFor(table) {
    const { state, request } = window.xsConsole;
    if (state.identity.kind !== 'user' || !table) return null;
    const key = `${state.identity.user}\u0000${table}\u0000${state.identity.token}`;
    if (!api.tokens.has(key)) {
      const r = await request('/console/api/token', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: state.identity.user, extras: state.identity.extras || {}, table }),
      });
      if (!r.ok) throw new Error(window.xsConsole.errorMessage(r));
      api.tokens.set(key, r.body.token);
    }
    return api.tokens.get(key);
  }

  async function send(event) {
    event.preventDefault();
    const { el, pretty, request } = window.xsConsole;
    const q = api.query;
    if (!q) return;
    const result = $('#query-result');
    let input = {};
    const text = $('#query-input').value.trim();
    try {
      input = text ? JSON.parse(text) : {};
    } catch (e) {
      result.replaceChildren(el('div', { class: 'status error', text: `The input is not valid JSON: ${e.message}` }));
      return;
    }
    let path = q.url.split('/').map((segment) => {
      const m = /^\{(.+)\}$/.exec(segment);
      if (!m) return segment;
      const field = document.querySelector(`[data-param="${CSS.escape(m[1])}"]`);
      return encodeURIComponent(field ? field.value : '');
    }).join('/');
    const options = { method: q.verb, headers: {} };
    if (['GET', 'HEAD', 'DELETE'].includes(q.verb)) {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(input)) qs.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
      if ([...qs].length) path += `?${qs}`;
    } else {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(input);
    }
    const button = $('#query-button');
    button.disabled = true;
    // The last answer goes at once: an answer on screen is always this call's.
    result.replaceChildren(el('div', { class: 'status pending', text: `Sending ${q.verb} ${path}…` }));
    try {
      const token = await tokenFor(q.auth);
      if (token) options.headers.Authorization = `Bearer ${token}`;
      const source = window.xsConsole.datasource();
      if (source !== 'live') options.headers['X-Data-Source'] = source;
      const r = await request(path, options);
      result.replaceChildren(
        el('div', { class: `status ${r.ok ? 'ok' : 'error'}` },
          el('strong', { text: `${r.status} ${r.statusText || (r.ok ? 'OK' : 'Error')}` }),
          el('span', { text: ` · ${r.ms} ms · ${q.verb} ${path} as ${window.xsConsole.identityLabel()}`
            + window.xsConsole.inSource() })),
        el('pre', { class: 'json', tabindex: '0', 'aria-label': 'Response body', text: typeof r.body === 'string' ? r.body : pretty(r.body) }));
    } catch (e) {
      result.replaceChildren(el('div', { class: 'status error', text: `The call did not go through: ${e.message}` }));
    } finally {
      button.disabled = false;
    }
  }

  $('#query-filter').addEventListener('input', () => api.program && renderList());
  $('#query-form').addEventListener('submit', send);
  $('#query-input').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send(e);
  });
  window.xsApiTab = { render };
  if (window.xsConsole && window.xsConsole.state.program) render(window.xsConsole.state.program);
})();
