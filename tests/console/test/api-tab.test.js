'use strict';
// The console's API tab in Debian's Chromium (headless), against `xs serve samples/bookshelf`:
// it lists the api group and its queries with their URLs, fills path parameters and inputs from
// the declarations, and calls queries, public ones anonymously and auth ones with a token the
// console mints for the query's own auth table (the reader signed up through the tab itself).
// Screenshot: target/console-api.png.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { SAMPLES, SHOTS, startServer, stopServer, launchBrowser, watchedPage, openConsole, actAsUser } =
  require('../lib/harness.js');

const BASE = '/api:bk7Qx2Lp';

/** Picks a query in the list by verb and path. */
async function pick(page, verb, queryPath) {
  await page.locator('#api-groups button.item')
    .filter({ has: page.locator('.verb', { hasText: new RegExp(`^${verb}$`) }) })
    .filter({ hasText: new RegExp(`${verb}/${queryPath.replace(/[{}]/g, '\\$&')}(auth|public)`) })
    .click();
  await page.locator('#query-info .fn-name').getByText(`${BASE}/${queryPath}`).waitFor();
}

/** Sends the picked query and resolves to its status and parsed body. */
async function send(page) {
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const status = page.locator('#query-result .status:not(.pending)');
  await status.waitFor();
  const code = Number((await status.locator('strong').textContent()).split(' ')[0]);
  const body = JSON.parse(await page.locator('#query-result').getByLabel('Response body').textContent());
  return { code, body, line: await status.textContent() };
}

test('the API tab lists the bookshelf queries and calls them, with path parameters, inputs and an act-as token',
  { timeout: 120_000 }, async () => {
    const server = await startServer(path.join(SAMPLES, 'bookshelf'), 0, []);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-console-chromium-'));
    let browser;
    try {
      browser = await launchBrowser(profile);
      const { page, problems } = await watchedPage(browser);
      const foreign = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
      });
      await openConsole(page, server.url);
      await page.locator('#summary').getByText(/^6 queries · 0 functions/).waitFor();
      await page.getByRole('tab', { name: 'API' }).click();

      // The group with its base URL, and every query with its verb, path and auth.
      await page.locator('#api-groups h3.group').getByText(`bookshelf · ${BASE}`).waitFor();
      const listed = (await page.locator('#api-groups button.item').allTextContents()).sort();
      assert.deepEqual(listed, [
        'GET/auth/meauth: customer',
        'GET/books/{book_id}public',
        'GET/bookspublic',
        'POST/auth/loginpublic',
        'POST/auth/signuppublic',
        'POST/books/{book_id}/reviewsauth: customer',
      ]);

      // A path parameter: its field is filled from the declaration (int: 0), and the call goes to the URL.
      await pick(page, 'GET', 'books/{book_id}');
      const bookId = page.getByLabel('{book_id}');
      assert.equal(await bookId.inputValue(), '0');
      assert.deepEqual(JSON.parse(await page.locator('#query-input').inputValue()), {}, 'book_id is a path parameter, not a body input');
      const missing = await send(page);
      assert.equal(missing.code, 404);
      assert.equal(missing.body.message, 'No such book.');
      await bookId.fill('2');
      const book = await send(page);
      assert.equal(book.code, 200, book.line);
      assert.equal(book.body.book.title, 'Middlemarch');
      assert.match(book.line, new RegExp(`GET ${BASE}/books/2 as anonymous`));

      // Inputs filled from the declaration (the required ones and those with defaults), sent as the query string.
      await pick(page, 'GET', 'books');
      assert.deepEqual(JSON.parse(await page.locator('#query-input').inputValue()), { page: 1, per_page: 2 });
      await page.locator('#query-input').fill(JSON.stringify({ page: 2, per_page: 2 }));
      const books = await send(page);
      assert.equal(books.code, 200, books.line);
      assert.deepEqual(books.body.items.map((b) => b.title), ['The Time Machine', 'Dracula']);

      // Auth: anonymous is refused; a reader signs up through the tab; acting as that reader, the
      // console mints a token for the query's own auth table ("customer").
      await pick(page, 'GET', 'auth/me');
      const refused = await send(page);
      assert.equal(refused.code, 401);
      assert.equal(refused.body.code, 'ERROR_CODE_UNAUTHORIZED');
      await pick(page, 'POST', 'auth/signup');
      assert.deepEqual(Object.keys(JSON.parse(await page.locator('#query-input').inputValue())), ['name', 'email', 'password']);
      await page.locator('#query-input').fill(JSON.stringify({ name: 'Ada', email: 'Ada@Example.com', password: 'correct horse' }));
      const signup = await send(page);
      assert.equal(signup.code, 200, signup.line);
      const reader = signup.body.user.id;
      assert.equal(typeof reader, 'number');

      await actAsUser(page, reader);
      await pick(page, 'GET', 'auth/me');
      await page.locator('#query-as').getByText(`as user ${reader}`).waitFor();
      const me = await send(page);
      assert.equal(me.code, 200, me.line);
      assert.deepEqual(me.body, { id: reader, name: 'Ada', email: 'ada@example.com' });

      await pick(page, 'POST', 'books/{book_id}/reviews');
      await page.getByLabel('{book_id}').fill('1');
      assert.deepEqual(Object.keys(JSON.parse(await page.locator('#query-input').inputValue())), ['stars', 'body']);
      await page.locator('#query-input').fill(JSON.stringify({ stars: 5, body: 'Alive!' }));
      const review = await send(page);
      assert.equal(review.code, 200, review.line);
      assert.equal(review.body.customer_id, reader, 'the review was written as the reader the console acts as');
      assert.equal(review.body.book_id, 1);

      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, 'console-api.png') });
      assert.deepEqual(foreign, [], 'the page talks only to its own server');
      assert.deepEqual(problems, [], 'no errors in the page');
      const log = Buffer.concat(server.stderr).toString();
      assert.match(log, /GET \/api:bk7Qx2Lp\/auth\/me 200/);
      assert.doesNotMatch(log, /eyJ/, 'no token in the access log');
    } finally {
      if (browser) await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
      assert.equal(await stopServer(server), 0);
    }
  });
