'use strict';
// What the browser tests of the console share: an `xs serve` of their own, a headless Chromium
// with a throwaway profile, and the console's first steps (open it, act as a user).
const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const JAVA = process.env.XS_JAVA || 'java';
// XS_CLASSPATH runs xs from compiled classes (the JUnit wrapper does this); otherwise XS_JAR or
// the jar `mvn package` builds.
const XS = process.env.XS_CLASSPATH
  ? ['-cp', process.env.XS_CLASSPATH, 'xs.cli.Main']
  : ['-jar', process.env.XS_JAR || path.join(ROOT, 'target', 'xs.jar')];
const CHROMIUM = process.env.XS_CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.XS_SCREENSHOT_DIR || path.join(ROOT, 'target');
const SAMPLES = path.join(ROOT, 'samples');

/**
 * Starts `xs serve DIR --port PORT` (by default with the samples' data) and resolves once it
 * prints its readiness line.
 */
function startServer(dir = SAMPLES, port = 0, data = ['--data', path.join(SAMPLES, 'data.json')]) {
  return new Promise((resolve, reject) => {
    const proc = spawn(JAVA, [...XS, 'serve', dir, ...data, '--port', String(port),
      '--auth-secret', 'console-test-secret'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr = [];
    proc.stderr.on('data', (d) => stderr.push(d));
    proc.on('exit', (code) => reject(new Error(`xs serve exited (${code}) before it was ready:\n${Buffer.concat(stderr)}`)));
    readline.createInterface({ input: proc.stdout }).once('line', (line) => {
      const m = /^xs serving (http:\/\/127\.0\.0\.1:\d+) /.exec(line);
      if (!m) {
        reject(new Error(`unexpected readiness line: ${line}`));
        return;
      }
      proc.removeAllListeners('exit');
      resolve({ proc, url: m[1], stderr });
    });
  });
}

function stopServer(server) {
  return new Promise((resolve) => {
    if (server.proc.exitCode !== null) {
      resolve(server.proc.exitCode);
      return;
    }
    server.proc.once('exit', (code) => resolve(code));
    server.proc.kill('SIGTERM');
  });
}

function launchBrowser(profile) {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** The browser's page, with the errors it throws collected in `problems`. */
async function watchedPage(browser) {
  const page = browser.pages()[0] || await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { page, problems };
}

/** Opens the console and waits until it has loaded the program. */
async function openConsole(page, url) {
  await page.goto(`${url}/`);
  await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });
}

/** Acts as a user: the page asks the server for a dev token. */
async function actAsUser(page, id) {
  await page.getByLabel('user', { exact: true }).check();
  await page.getByLabel('User id').fill(String(id));
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await page.getByText(`Acting as user ${id}`).waitFor();
}

module.exports = { ROOT, SAMPLES, SHOTS, startServer, stopServer, launchBrowser, watchedPage, openConsole, actAsUser };
