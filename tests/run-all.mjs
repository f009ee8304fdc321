#!/usr/bin/env node
// Runs every test of the product and prints one table of counts per suite. Used by `npm test`
// (and so by .ci/run). The suites:
//   lint (module boundaries, no focused/skipped tests, no floating promises), then the build
//   domain lib under three time zones (a helper leaking the host zone fails here)
//   web unit tests, API over HTTP on SQLite (and feeds again with the server in Tokyo), API on
//   PostgreSQL (when a server is given)
//   after the build: browser tests against the built product, fault tests (the built API killed
//   mid-write, drained on SIGTERM, several instances sharing job leases) on SQLite and PostgreSQL.
//
// Independent lanes run side by side, as many as the machine has cores (SHIFTDESK_TEST_LANES
// overrides; 1 runs everything in order): a Jest run on this stack keeps about one core busy,
// and CI has two. Each lane's output is kept and printed whole when it ends, so logs stay
// readable. Lint and the build share a lane: two Nx processes would race on the project graph.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const jestBin = join(root, 'node_modules/jest/bin/jest.js');
const nxBin = join(root, 'node_modules/nx/dist/bin/nx.js');
const outDir = mkdtempSync(join(tmpdir(), 'shiftdesk-tests-'));
const baseEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };
const lanes = Math.max(1, Number(process.env.SHIFTDESK_TEST_LANES) || Math.min(availableParallelism(), 4));
const pg = Boolean(process.env.SHIFTDESK_TEST_DATABASE_URL);
const started = Date.now();
let nextId = 0;

/** A step (pass/fail) or a Jest suite (counts from its JSON report). */
function step(title, args, env = {}) {
  return { title, args, env, step: true, id: nextId++ };
}
function jestSuite(title, config, env = {}, extraArgs = []) {
  const id = nextId++;
  const report = join(outDir, `${id}.json`);
  return { title, args: [jestBin, '-c', config, '--ci', '--json', `--outputFile=${report}`, ...extraArgs], env, report, id };
}

/** Runs one suite with its output in a file; resolves to its table row. */
function runOne(suite) {
  const log = join(outDir, `${suite.id}.log`);
  const out = createWriteStream(log);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, suite.args, { cwd: root, env: { ...baseEnv, ...suite.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('close', (code) => {
      out.end(() => {
        const seconds = ((Date.now() - t0) / 1000).toFixed(1);
        const at = ((Date.now() - started) / 1000).toFixed(0);
        console.log(`\n=== ${suite.title} (${seconds} s, ended at ${at} s) ===`);
        process.stdout.write(readFileSync(log, 'utf8'));
        resolve(rowOf(suite, code === 0, seconds));
      });
    });
  });
}

function rowOf(suite, ok, seconds) {
  if (suite.step) return { title: suite.title, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds, step: true };
  let passed = 0;
  let failed = ok ? 0 : 1;
  if (existsSync(suite.report)) {
    const report = JSON.parse(readFileSync(suite.report, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests + report.numRuntimeErrorTestSuites + (ok || report.numFailedTests ? 0 : 1);
    const skipped = report.numPendingTests + report.numTodoTests;
    if (skipped > 0) {
      console.error(`${suite.title}: ${skipped} skipped/todo tests: not allowed`);
      failed += skipped;
    }
  }
  return { title: suite.title, passed, failed, seconds };
}

/** Runs the chains (each a list of suites in order) on `lanes` lanes, longest expected first. */
async function runChains(chains) {
  const queue = [...chains];
  const rows = new Map();
  const lane = async () => {
    for (let chain = queue.shift(); chain; chain = queue.shift()) {
      for (const suite of chain) {
        rows.set(suite.id, await runOne(suite));
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return rows;
}

const lintAndBuild = [
  step('lint', [nxBin, 'run-many', '-t', 'lint', '--skip-nx-cache']),
  // tests/ (browser specs, benchmarks, support) belongs to no Nx project: lint it directly.
  step('lint tests/', [join(root, 'node_modules/eslint/bin/eslint.js'), 'tests']),
  step('build api + web', [nxBin, 'run-many', '-t', 'build', '-p', 'api', 'web', '--skip-nx-cache']),
];
const apiSqlite = [
  jestSuite('api over HTTP, SQLite', 'apps/api/jest.config.js', { TZ: 'UTC', SHIFTDESK_TEST_DATABASE_URL: '' }, ['--runInBand']),
  // Feeds again with the server in a zone far from UTC: a writer using local Date getters fails here.
  jestSuite('api feeds, SQLite, TZ=Asia/Tokyo', 'apps/api/jest.config.js', { TZ: 'Asia/Tokyo', SHIFTDESK_TEST_DATABASE_URL: '' }, ['--runInBand', 'apps/api/test/feeds.spec.ts', 'apps/api/test/feed-storage.spec.ts']),
];
const apiPostgres = pg ? [jestSuite('api over HTTP, PostgreSQL', 'apps/api/jest.config.js', { TZ: 'UTC' }, ['--runInBand'])] : [];
const libs = ['UTC', 'America/New_York', 'Asia/Kolkata'].map((tz) => [jestSuite(`libs (scheduling) TZ=${tz}`, 'libs/scheduling/jest.config.js', { TZ: tz }, ['--runInBand'])]);
const web = [jestSuite('web unit (jsdom)', 'apps/web/jest.config.js', { TZ: 'UTC' }, ['--runInBand'])];
const browser = [jestSuite('browser (Chromium)', 'tests/browser/jest.config.js', { TZ: 'UTC' }, ['--runInBand'])];
// The built API as child processes: SIGKILL mid-write, SIGTERM drain, instances' job leases.
const faults = [
  jestSuite('faults (killed API), SQLite', 'tests/faults/jest.config.js', { TZ: 'UTC', SHIFTDESK_TEST_DATABASE_URL: '' }, ['--runInBand']),
  ...(pg ? [jestSuite('faults (killed API), PostgreSQL', 'tests/faults/jest.config.js', { TZ: 'UTC' }, ['--runInBand'])] : []),
];

console.log(`Running the suites on ${lanes} lane(s); each suite's output follows when it ends.`);
// Longest first (measured on 2 cores): the API suites, lint + build, then the lib and web suites.
const first = await runChains([apiPostgres, apiSqlite, lintAndBuild, ...libs, web].filter((chain) => chain.length));
const built = first.get(lintAndBuild[2].id)?.failed === 0;
const second = built ? await runChains([browser, faults]) : new Map();

const rows = [];
for (const suite of [...lintAndBuild, ...libs.flat(), ...web, ...apiSqlite, ...apiPostgres]) if (first.has(suite.id)) rows.push(first.get(suite.id));
if (!pg) rows.push({ title: 'api over HTTP, PostgreSQL', passed: 0, failed: 0, seconds: '-', note: 'not run: no server' });
for (const suite of [...browser, ...faults]) if (second.has(suite.id)) rows.push(second.get(suite.id));
if (!built) rows.push({ title: 'browser and fault tests', passed: 0, failed: 1, seconds: '-', note: 'not run: the build failed' });

if (!pg) {
  console.log('\nPostgreSQL legs not run: SHIFTDESK_TEST_DATABASE_URL is unset. .ci/run starts a server and sets it;');
  console.log('locally: eval "$(tests/support/start-postgres.sh)" && npm test');
}
console.log('\n| suite | passed | failed | seconds |\n|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.title}${r.step ? ' (step)' : ''}${r.note ? ` (${r.note})` : ''} | ${r.passed} | ${r.failed} | ${r.seconds} |`);
const totalPassed = rows.filter((r) => !r.step).reduce((n, r) => n + r.passed, 0);
const totalFailed = rows.reduce((n, r) => n + r.failed, 0);
console.log(`\n${totalPassed} passed, ${totalFailed} failed, ${((Date.now() - started) / 1000).toFixed(0)} s on ${lanes} lane(s)`);
process.exit(totalFailed > 0 ? 1 : 0);
