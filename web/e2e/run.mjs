#!/usr/bin/env node
// The browser suite: a real `motcua serve` (the ASan build inside make test)
// on a free port with a temporary database holding the demo data, driven by
// Debian's chromium through playwright-core. Screenshots of the main pages go
// to build/e2e-screenshots/. Ends with "N passed, N failed"; exits non-zero
// when a test failed or the server reported a sanitizer error.
//
//   node web/e2e/run.mjs --binary build/asan/src/motcua --demo demo
//   node web/e2e/run.mjs --base-url http://127.0.0.1:8080   (a server you started)
//   node web/e2e/run.mjs --only login                         (tests whose name matches)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');

// Every tests*.mjs beside this file, in name order (tests.mjs first); each
// file's tests run in their written order.
async function loadTests() {
  const files = readdirSync(here).filter((f) => /^tests.*\.mjs$/.test(f))
    .sort((a, b) => (a === 'tests.mjs' ? -1 : b === 'tests.mjs' ? 1 : a.localeCompare(b)));
  const all = [];
  for (const f of files) all.push(...(await import(join(here, f))).tests);
  return all;
}

function parseArgs(argv) {
  const args = {
    binary: 'build/asan/src/motcua',
    demo: 'demo',
    baseUrl: '',
    only: '',
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--binary') args.binary = value();
    else if (a === '--demo') args.demo = value();
    else if (a === '--base-url') args.baseUrl = value();
    else if (a === '--only') args.only = value();
    else if (a === '--chromium') args.chromium = value();
    else if (a === '--keep') args.keep = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForHealth(baseUrl, server, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server && server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      const r = await fetch(`${baseUrl}/healthz`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(200);
  }
  throw new Error(`the server did not answer ${baseUrl}/healthz within ${timeoutMs / 1000} s`);
}

/** Import the demo data into a fresh database and start the server on a free port. */
async function startServer(args, work) {
  const binary = resolve(repo, args.binary);
  const demo = resolve(repo, args.demo);
  const webRoot = resolve(repo, 'web', 'dist');
  for (const [what, path] of [
    ['the motcua binary', binary],
    ['the demo data', demo],
    ['the built web interface', join(webRoot, 'index.html')],
  ]) {
    if (!existsSync(path)) throw new Error(`${what} is missing: ${path}`);
  }
  const db = join(work, 'e2e.db');
  // fontconfig (under the PDF forms) keeps its cache for the life of the
  // process: tests/lsan.supp names it, as the asan test preset does.
  // The test clock: a test may send X-Test-Now (minutes since the epoch) to see
  // the dossiers as they will be later (tests-dash.mjs, the late list);
  // requests without it run on the real clock.
  const env = {
    ...process.env,
    ASAN_OPTIONS: process.env.ASAN_OPTIONS || 'detect_leaks=1',
    LSAN_OPTIONS: process.env.LSAN_OPTIONS || `suppressions=${join(repo, 'tests', 'lsan.supp')}`,
    // Every test logs in from 127.0.0.1: the suite needs more than the default 20 logins a minute.
    MOTCUA_LOGIN_RATE: '300',
    MOTCUA_TEST_CLOCK: 'true',
  };
  const imported = spawnSync(binary, ['import', '--db', db, demo], { env, encoding: 'utf8' });
  if (imported.status !== 0) {
    throw new Error(`motcua import failed (${imported.status}):\n${imported.stdout}${imported.stderr}`);
  }
  const portFile = join(work, 'port');
  const log = [];
  const server = spawn(
    binary,
    ['serve', '--db', db, '--listen', '127.0.0.1:0', '--port-file', portFile, '--web-root', webRoot],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout.on('data', (d) => log.push(String(d)));
  server.stderr.on('data', (d) => log.push(String(d)));
  const until = Date.now() + 30000;
  while (!existsSync(portFile) || !readFileSync(portFile, 'utf8').trim()) {
    if (server.exitCode !== null) throw new Error(`motcua serve exited with ${server.exitCode}:\n${log.join('')}`);
    if (Date.now() > until) throw new Error(`motcua serve wrote no port file:\n${log.join('')}`);
    await sleep(100);
  }
  const port = Number(readFileSync(portFile, 'utf8').trim());
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server, 30000);
  return { baseUrl, server, log };
}

async function stopServer(handle) {
  if (!handle?.server || handle.server.exitCode !== null) return;
  const exited = new Promise((r) => handle.server.once('exit', r));
  handle.server.kill('SIGTERM');
  await Promise.race([exited, sleep(15000)]);
  if (handle.server.exitCode === null) handle.server.kill('SIGKILL');
}

const SANITIZER = /ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:/;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const shots = join(repo, 'build', 'e2e-screenshots');
  mkdirSync(shots, { recursive: true });
  for (const old of readdirSync(shots)) if (old.endsWith('.png')) rmSync(join(shots, old));
  const work = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  let handle = null;
  let browser = null;
  let passed = 0;
  let failed = 0;
  let sanitizerFailure = false;
  try {
    handle = args.baseUrl ? { baseUrl: args.baseUrl, server: null, log: [] } : await startServer(args, work);
    if (args.baseUrl) await waitForHealth(args.baseUrl, null, 10000);
    // launch() gives every run a fresh temporary profile (user-data dir).
    browser = await chromium.launch({
      executablePath: args.chromium,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const demoPeople = JSON.parse(readFileSync(resolve(repo, args.demo, 'people.json'), 'utf8'));
    // The agency record the import wrote: tests compare the header with its name.
    const demoAgency = JSON.parse(readFileSync(resolve(repo, args.demo, 'agency.json'), 'utf8'));
    const tests = await loadTests();
    const selected = tests.filter((t) => !args.only || t.name.includes(args.only));
    for (const test of selected) {
      const context = await browser.newContext({
        baseURL: handle.baseUrl,
        locale: 'vi-VN',
        viewport: test.viewport ?? { width: 1280, height: 900 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(10000);
      const consoleErrors = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
      const started = Date.now();
      try {
        await test.run({ page, context, baseUrl: handle.baseUrl, shots, demoPeople, demoAgency });
        const unexpected = consoleErrors.filter((text) => !(test.allowConsole ?? []).some((re) => re.test(text)));
        if (unexpected.length) throw new Error(`console errors:\n  ${unexpected.join('\n  ')}`);
        passed++;
        console.log(`ok   ${test.name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${test.name}: ${e instanceof Error ? e.message : String(e)}`);
        await page
          .screenshot({ path: join(shots, `FAILED-${test.name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true })
          .catch(() => {});
      } finally {
        await context.close();
      }
    }
    if (selected.length === 0) {
      failed++;
      console.log(`FAIL no test matches "${args.only}"`);
    }
  } catch (e) {
    failed++;
    console.log(`FAIL setup: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await browser?.close().catch(() => {});
    await stopServer(handle);
    const serverLog = handle?.log.join('') ?? '';
    if (SANITIZER.test(serverLog)) {
      sanitizerFailure = true;
      console.log(`FAIL the server reported a sanitizer error:\n${serverLog.slice(-4000)}`);
    } else if (failed && serverLog) {
      console.log(`--- last lines of the server log ---\n${serverLog.split('\n').slice(-30).join('\n')}`);
    }
    if (!args.keep) rmSync(work, { recursive: true, force: true });
  }
  console.log(`screenshots: ${shots}`);
  console.log(`${passed} passed, ${failed + (sanitizerFailure ? 1 : 0)} failed`);
  process.exit(failed || sanitizerFailure ? 1 : 0);
}

await main();
