'use strict';
// Drives the developer console of a real `xs serve` in Debian's Chromium (headless): acts as a
// user, joins a channel, calls a function that emits an event to it, and checks the event shows
// up in the frame log; then sends a message and looks at the database tab, in live and in a test
// data source picked in the toolbar (where function calls then run). Screenshots go to
// target/ (console-screenshot.png, console-database.png) for people to look at.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { SAMPLES, SHOTS, startServer, stopServer, launchBrowser, watchedPage, openConsole, actAsUser } =
  require('../lib/harness.js');

test('the console joins a channel, calls a function and shows the event it emits', { timeout: 120_000 }, async () => {
  const server = await startServer();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-console-chromium-'));
  let browser;
  try {
    browser = await launchBrowser(profile);
    const { page, problems } = await watchedPage(browser);
    page.on('console', (m) => {
      // Chromium logs every HTTP error answer too; those are part of normal use.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console error: ${m.text()}`);
    });
    const foreign = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith(server.url.replace('http', 'ws'))
          && !r.url().startsWith('data:')) foreign.push(r.url());
    });

    await openConsole(page, server.url);
    await page.getByRole('button', { name: /^send_chat_message/ }).waitFor();

    await actAsUser(page, 7);

    // Join room:1 (presence and history on).
    await page.getByLabel('Channel name').fill('room:1');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    const frames = page.locator('#frames');
    await frames.locator('li[data-action=join][data-dir=in][data-channel="room:1"]').waitFor({ timeout: 10_000 });
    await frames.locator('li[data-action=presence_full][data-channel="room:1"]').waitFor();
    await page.locator('#presence').getByText('you (user 7)').waitFor();

    // Call send_chat_message: it saves the message and emits "new_message" to room:1.
    await page.getByRole('button', { name: /^send_chat_message/ }).click();
    const input = page.getByLabel('Input (JSON)');
    assert.deepEqual(JSON.parse(await input.inputValue()), { room_id: 0, content: '' }, 'input prefilled from the declaration');
    await input.fill(JSON.stringify({ room_id: 1, content: 'Hello from the console' }, null, 2));
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await page.locator('#call-result .status.ok').getByText('200').waitFor();
    const response = JSON.parse(await page.getByLabel('Response body').textContent());
    assert.equal(response.content, 'Hello from the console');
    assert.equal(response.sender_id, 7, 'the call ran as user 7');

    const event = frames.locator('li[data-action=event][data-channel="room:1"]');
    await event.waitFor({ timeout: 10_000 });
    const eventText = await event.textContent();
    assert.match(eventText, /new_message/);
    assert.match(eventText, /Hello from the console/);

    // A message of our own comes back to us from the hub.
    await page.getByLabel('Message payload (JSON)').fill('{"text": "hi, room"}');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await frames.locator('li[data-action=message][data-dir=in]').filter({ hasText: 'hi, room' }).waitFor();
    // Open the event to show its whole frame, keep the newest lines in view.
    await frames.locator('li[data-action=event] details summary').first().click();
    await frames.evaluate((log) => { log.scrollTop = log.scrollHeight; });

    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'console-screenshot.png') });

    // The database tab shows the saved message, read-only.
    await page.getByRole('tab', { name: 'Database' }).click();
    await page.locator('button[data-table=message]').click();
    await page.locator('#rows table.grid').getByText('Hello from the console').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'console-database.png') });
    // The data source picker lists the data sources that exist: only live here.
    await page.locator('#datasource option[value=live]').waitFor({ state: 'attached' });
    assert.deepEqual(await page.locator('#datasource option').allTextContents(), ['live']);

    // A request with X-Data-Source makes "test"; picked in the toolbar, the Database tab shows it
    // and function calls run there.
    const made = await fetch(`${server.url}/function/send_chat_message`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Data-Source': 'test' },
      body: JSON.stringify({ room_id: 1, content: 'made in test' }),
    });
    assert.equal(made.status, 200, await made.text());
    await page.locator('#tables-refresh').click();
    await page.locator('#datasource option[value=test]').waitFor({ state: 'attached' });
    await page.locator('#datasource').selectOption('test');
    await page.locator('#rows table.grid').getByText('made in test').waitFor();
    assert.equal(await page.locator('#rows table.grid').getByText('Hello from the console').count(), 0);
    await page.getByRole('tab', { name: 'Functions & realtime' }).click();
    await input.fill(JSON.stringify({ room_id: 1, content: 'Hello in test' }));
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await page.locator('#call-result .status.ok').getByText('in test').waitFor();
    await page.getByRole('tab', { name: 'Database' }).click();
    await page.locator('#rows table.grid').getByText('Hello in test').waitFor();
    await page.locator('#datasource').selectOption('live');
    await page.locator('#rows table.grid').getByText('Hello from the console').waitFor();
    assert.equal(await page.locator('#rows table.grid').getByText('Hello in test').count(), 0, 'live has none of it');

    assert.deepEqual(foreign, [], 'the page talks only to its own server');
    assert.deepEqual(problems, [], 'no errors in the page');
    const log = Buffer.concat(server.stderr).toString();
    assert.match(log, /POST \/console\/api\/token 200/);
    assert.doesNotMatch(log, /eyJ/, 'no token in the access log');
  } finally {
    if (browser) await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
    assert.equal(await stopServer(server), 0);
  }
});

test('the console reconnects by itself when the server restarts, rejoins, and shows the new program', { timeout: 120_000 }, async () => {
  // The second server serves a copy of the samples with one more function, on the same port.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-console-samples-'));
  fs.cpSync(SAMPLES, dir, { recursive: true });
  let server = await startServer(dir);
  const port = Number(new URL(server.url).port);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-console-chromium-'));
  let browser;
  try {
    browser = await launchBrowser(profile);
    const { page, problems } = await watchedPage(browser);
    await openConsole(page, server.url);
    await actAsUser(page, 7);
    await page.getByLabel('Channel name').fill('room:1');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    const frames = page.locator('#frames');
    const joins = frames.locator('li[data-action=join][data-dir=in][data-channel="room:1"]');
    await joins.first().waitFor({ timeout: 10_000 });
    assert.equal(await joins.count(), 1);
    assert.equal(await page.getByRole('button', { name: /^hello_again/ }).count(), 0);

    // Stopped with SIGTERM, the server closes the socket with 1012: the page says it will dial again.
    assert.equal(await stopServer(server), 0);
    await frames.getByText(/connection closed \(1012/).waitFor({ timeout: 10_000 });
    await frames.getByText(/reconnecting in 1 s/).waitFor();

    fs.writeFileSync(path.join(dir, 'hello_again.xs'), 'function "hello_again" {\n  stack {\n  }\n  response = "hi"\n}\n');
    server = await startServer(dir, port);
    // Back as the same user, in the same channel, with the new function listed.
    await joins.nth(1).waitFor({ timeout: 30_000 });
    await page.locator('#rt-status[data-status=online]').waitFor();
    await page.getByRole('button', { name: /^hello_again/ }).waitFor({ timeout: 10_000 });
    await page.locator('#presence').getByText('you (user 7)').waitFor();
    await page.getByLabel('Message payload (JSON)').fill('{"text": "after the restart"}');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await frames.locator('li[data-action=message][data-dir=in]').filter({ hasText: 'after the restart' }).waitFor();

    // Disconnect while a reconnection waits: it is called off.
    assert.equal(await stopServer(server), 0);
    await frames.getByText(/reconnecting in 1 s/).nth(1).waitFor({ timeout: 10_000 });
    await page.locator('#rt-connect').click();
    await frames.getByText('stopped reconnecting').waitFor();
    await page.locator('#rt-status[data-status=offline]').waitFor();
    assert.deepEqual(problems, [], 'no errors in the page');
  } finally {
    if (browser) await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
    await stopServer(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the outbox tab lists the emails util.send_email kept, newest first', { timeout: 120_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-console-mail-'));
  fs.writeFileSync(path.join(dir, 'mail.xs'), `function mail {
  input {
    text subject
  }
  stack {
    util.send_email {
      service_provider = "resend"
      to = "ada@example.com"
      from = "shop@example.com"
      subject = $input.subject
      message = "<p>Hello <b>Ada</b>,</p><p>your order shipped.</p>"
    } as $sent
  }
  response = $sent
}
`);
  const server = await startServer(dir);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-console-chromium-'));
  let browser;
  try {
    browser = await launchBrowser(profile);
    const { page, problems } = await watchedPage(browser);
    await openConsole(page, server.url);
    await page.getByRole('tab', { name: 'Outbox' }).click();
    await page.locator('#outbox-list').getByText('No email yet').waitFor();

    for (const subject of ['Order confirmed', 'Order shipped']) {
      await page.getByRole('tab', { name: 'Functions & realtime' }).click();
      await page.getByRole('button', { name: /^mail/ }).click();
      await page.getByLabel('Input (JSON)').fill(JSON.stringify({ subject }));
      await page.getByRole('button', { name: 'Call', exact: true }).click();
      await page.locator('#call-result .status.ok').getByText('200').waitFor();
    }

    await page.getByRole('tab', { name: 'Outbox' }).click();
    const mails = page.locator('#outbox-list > li');
    await mails.nth(1).waitFor();
    assert.equal(await mails.count(), 2);
    assert.match(await mails.nth(0).locator('.subject').textContent(), /Order shipped/, 'newest first');
    assert.equal(await mails.nth(0).locator('.preview').textContent(), 'Hello Ada, your order shipped.');
    await mails.nth(0).locator('summary').click();
    assert.equal(await mails.nth(0).getByLabel('Email body').textContent(),
      '<p>Hello <b>Ada</b>,</p><p>your order shipped.</p>', 'the body is shown as text, not rendered');
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'console-outbox.png') });
    assert.deepEqual(problems, [], 'no errors in the page');
  } finally {
    if (browser) await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
    assert.equal(await stopServer(server), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('under xs serve --watch the open console shows a reloaded program by itself', { timeout: 120_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-console-watch-'));
  fs.cpSync(SAMPLES, dir, { recursive: true });
  const server = await startServer(dir, 0, ['--data', path.join(SAMPLES, 'data.json'), '--watch']);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-console-chromium-'));
  let browser;
  try {
    browser = await launchBrowser(profile);
    const { page, problems } = await watchedPage(browser);
    await openConsole(page, server.url);
    assert.equal(await page.getByRole('button', { name: /^hello_watch/ }).count(), 0);
    const navigations = [];
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations.push(frame.url()); });

    // Saved while the page is open: the function list shows it, the page is not reloaded.
    fs.writeFileSync(path.join(dir, 'hello_watch.xs'), 'function "hello_watch" {\n  stack {\n  }\n  response = "hi"\n}\n');
    await page.getByRole('button', { name: /^hello_watch/ }).waitFor({ timeout: 30_000 });
    await page.locator('#frames').getByText('the server reloaded the scripts').waitFor();
    await page.getByRole('button', { name: /^hello_watch/ }).click();
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await page.locator('#call-result .status.ok').getByText('200').waitFor();
    assert.match(await page.getByLabel('Response body').textContent(), /hi/);

    // Deleted: gone from the list too.
    fs.rmSync(path.join(dir, 'hello_watch.xs'));
    await page.getByRole('button', { name: /^hello_watch/ }).waitFor({ state: 'detached', timeout: 30_000 });
    assert.deepEqual(navigations, [], 'the page was never reloaded');
    assert.deepEqual(problems, [], 'no errors in the page');
    assert.doesNotMatch(Buffer.concat(server.stderr).toString(), /GET \/console\/api\/version/, 'the version poll is not logged');
  } finally {
    if (browser) await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
    assert.equal(await stopServer(server), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
