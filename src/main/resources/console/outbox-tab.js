// The console's Outbox tab: the emails util.send_email kept (xs never sends them), newest first,
// each with its recipient, subject, time and a preview; opening one shows its headers and the
// whole body as text (an HTML body is shown as its source, never rendered).
'use strict';

(() => {
  const $ = (selector) => document.querySelector(selector);

  function when(ms) {
    return typeof ms === 'number' ? new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '';
  }

  function recipients(value) {
    if (value === null || value === undefined) return '';
    return Array.isArray(value) ? value.join(', ') : String(value);
  }

  function message(m) {
    const { el } = window.xsConsole;
    const headers = ['from', 'to', 'cc', 'bcc', 'reply_to', 'service_provider']
      .filter((k) => m[k] !== undefined && m[k] !== null && m[k] !== '')
      .flatMap((k) => [el('dt', { text: k === 'service_provider' ? 'provider' : k.replace('_', '-') }),
        el('dd', { text: recipients(m[k]) })]);
    return el('li', { dataset: { id: m.id } },
      el('details', {},
        el('summary', {},
          el('span', { class: 'subject', text: m.subject || '(no subject)' }),
          el('span', { class: 'time', text: when(m.sent_at) }),
          el('span', { class: 'to', text: `to ${recipients(m.to)}` }),
          el('span', { class: 'preview', text: m.preview })),
        el('dl', { class: 'headers' }, ...headers),
        el('pre', { class: 'body', tabindex: '0', 'aria-label': 'Email body', text: m.message })));
  }

  async function load() {
    const { el, request, errorMessage } = window.xsConsole;
    const list = $('#outbox-list');
    const r = await request('/console/api/outbox');
    if (!r.ok) {
      list.replaceChildren(el('li', { class: 'empty error', text: errorMessage(r) }));
      return;
    }
    const messages = r.body.messages;
    list.replaceChildren(...(messages.length ? messages.map(message)
      : [el('li', { class: 'empty', text: 'No email yet: util.send_email keeps each one here.' })]));
  }

  $('#outbox-refresh').addEventListener('click', load);
  window.xsOutboxTab = { load };
})();
