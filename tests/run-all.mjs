#!/usr/bin/env node
// Runs every test of the product, in the order that fails fastest, and prints one table of
// counts per suite. Used by `npm test` (and so by .ci/run). Steps:
//   lint (module boundaries, no focused/skipped tests, no floating promises)
//   domain lib under three time zones (a helper leaking the host zone fails here)
//   web unit tests, API over HTTP on SQLite, API on PostgreSQL (when a server is given),
//   build of the product, browser tests against the built product, fault tests (the built API
//   killed mid-write, drained on SIGTERM, two instances sharing job leases) on SQLite and PostgreSQL.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const jestBin = join(root, 'node_modules/jest/bin/jest.js');
const nxBin = join(root, 'node_modules/nx/dist/bin/nx.js');
const outDir = mkdtempSync(join(tmpdir(), 'shiftdesk-tests-'));
const baseEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };
const rows = [];
let failed = false;

function run(title, cmd, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...baseEnv, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: res.status === 0, seconds };
}

function jestSuite(title, config, env = {}, extraArgs = []) {
  const out = join(outDir, `${rows.length}.json`);
  const { ok, seconds } = run(title, process.execPath, [jestBin, '-c', config, '--ci', '--json', `--outputFile=${out}`, ...extraArgs], env);
  let passed = 0;
  let failedCount = ok ? 0 : 1;
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed = report.numPassedTests;
    failedCount = report.numFailedTests + report.numRuntimeErrorTestSuites + (ok || report.numFailedTests ? 0 : 1);
    if (report.numPendingTests + report.numTodoTests > 0) {
      console.error(`${title}: ${report.numPendingTests + report.numTodoTests} skipped/todo tests: not allowed`);
      failedCount += report.numPendingTests + report.numTodoTests;
    }
  }
  rows.push({ title, passed, failed: failedCount, seconds });
  if (failedCount > 0) failed = true;
}

function step(title, cmd, args, env = {}) {
  const { ok, seconds } = run(title, cmd, args, env);
  rows.push({ title, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds, step: true });
  if (!ok) failed = true;
  return ok;
}

step('lint', process.execPath, [nxBin, 'run-many', '-t', 'lint', '--skip-nx-cache']);
// tests/ (browser specs, benchmarks, support) belongs to no Nx project: lint it directly.
step('lint tests/', process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), 'tests']);
for (const tz of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
  jestSuite(`libs (scheduling) TZ=${tz}`, 'libs/scheduling/jest.config.js', { TZ: tz });
}
jestSuite('web unit (jsdom)', 'apps/web/jest.config.js', { TZ: 'UTC' });
jestSuite('api over HTTP, SQLite', 'apps/api/jest.config.js', { TZ: 'UTC', SHIFTDESK_TEST_DATABASE_URL: '' }, ['--runInBand']);
// Feeds again with the server in a zone far from UTC: a writer using local Date getters fails here.
jestSuite('api feeds, SQLite, TZ=Asia/Tokyo', 'apps/api/jest.config.js', { TZ: 'Asia/Tokyo', SHIFTDESK_TEST_DATABASE_URL: '' }, ['--runInBand', 'apps/api/test/feeds.spec.ts', 'apps/api/test/feed-storage.spec.ts']);
if (process.env.SHIFTDESK_TEST_DATABASE_URL) {
  jestSuite('api over HTTP, PostgreSQL', 'apps/api/jest.config.js', { TZ: 'UTC' }, ['--runInBand']);
} else {
  console.log('\nPostgreSQL leg not run: SHIFTDESK_TEST_DATABASE_URL is unset. .ci/run starts a server and sets it;');
  console.log('locally: eval "$(tests/support/start-postgres.sh)" && npm test');
  rows.push({ title: 'api over HTTP, PostgreSQL', passed: 0, failed: 0, seconds: '-', note: 'not run: no server' });
}
const built = step('build api + web', process.execPath, [nxBin, 'run-many', '-t', 'build', '-p', 'api', 'web', '--skip-nx-cache']);
if (built) {
  jestSuite('browser (Chromium)', 'tests/browser/jest.config.js', { TZ: 'UTC' }, ['--runInBand']);
  // The built API as child processes: SIGKILL mid-write, SIGTERM drain, two instances' job leases.
  jestSuite('faults (killed API), SQLite', 'tests/faults/jest.config.js', { TZ: 'UTC', SHIFTDESK_TEST_DATABASE_URL: '' }, ['--runInBand']);
  if (process.env.SHIFTDESK_TEST_DATABASE_URL) {
    jestSuite('faults (killed API), PostgreSQL', 'tests/faults/jest.config.js', { TZ: 'UTC' }, ['--runInBand']);
  }
}

console.log('\n| suite | passed | failed | seconds |\n|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.title}${r.step ? ' (step)' : ''}${r.note ? ` (${r.note})` : ''} | ${r.passed} | ${r.failed} | ${r.seconds} |`);
const tests = rows.filter((r) => !r.step);
const totalPassed = tests.reduce((n, r) => n + r.passed, 0);
const totalFailed = rows.reduce((n, r) => n + r.failed, 0);
console.log(`\n${totalPassed} passed, ${totalFailed} failed`);
process.exit(failed ? 1 : 0);
