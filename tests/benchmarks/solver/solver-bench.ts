// Entry bundled by run-solver-bench.mjs: runs the roster generator on Curtois & Qu instances
// and validates every result independently with evaluateRoster.
import { evaluateRoster, generateRoster, loadHighs, parseCurtoisInstance } from '@shiftdesk/scheduling/solver';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';

const DEFAULT_DIR = '/work/shared/benchmarks/curtois';

interface Args {
  paths: string[];
  timeLimitSec: number;
  seed: number;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { paths: [], timeLimitSec: 60, seed: 1, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--time-limit') args.timeLimitSec = Number(argv[++i]);
    else if (a.startsWith('--time-limit=')) args.timeLimitSec = Number(a.slice(13));
    else if (a === '--seed') args.seed = Number(argv[++i]);
    else if (a.startsWith('--seed=')) args.seed = Number(a.slice(7));
    else if (a === '--json') args.json = true;
    else args.paths.push(a);
  }
  if (!(args.timeLimitSec > 0) || !Number.isFinite(args.seed)) throw new Error('usage: [paths…] [--time-limit s] [--seed n] [--json]');
  return args;
}

function instanceFiles(paths: string[]): string[] {
  const roots = paths.length > 0 ? paths : [DEFAULT_DIR];
  const files: string[] = [];
  for (const root of roots) {
    if (!existsSync(root)) throw new Error(`not found: ${root}`);
    if (statSync(root).isDirectory()) {
      files.push(...readdirSync(root).filter((f) => /^Instance\d+\.txt$/.test(f)).map((f) => join(root, f)).sort(byNumber));
    } else files.push(root);
  }
  return files;
}

function byNumber(a: string, b: string): number {
  const n = (s: string) => Number(/(\d+)\.txt$/.exec(s)?.[1] ?? 0);
  return n(a) - n(b);
}

/** Best-known values from BEST_KNOWN.md (lower bound, best known). */
function readBestKnown(dir: string): Map<string, { lower: number; best: number }> {
  const map = new Map<string, { lower: number; best: number }>();
  const file = join(dir, 'BEST_KNOWN.md');
  if (!existsSync(file)) return map;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (/^Instance\d+$/.test(cells[1] ?? '')) map.set(cells[1], { lower: Number(cells[5]), best: Number(cells[6]) });
  }
  return map;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const files = instanceFiles(args.paths);
  const highs = await loadHighs();
  const known = readBestKnown(DEFAULT_DIR);
  if (!args.json) {
    console.log(`Node ${process.version}, seed ${args.seed}, time limit ${args.timeLimitSec} s per instance\n`);
    console.log('| instance | objective | best known | gap % | first feasible (s) | time to best (s) | bound | status | hard violations |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---|---:|');
  }
  for (const file of files) {
    const name = basename(file).replace(/\.txt$/, '');
    const parsed = parseCurtoisInstance(readFileSync(file, 'utf8'));
    if (!parsed.ok) {
      console.log(args.json ? JSON.stringify({ instance: name, error: parsed.message }) : `| ${name} | parse error: ${parsed.message} | | | | | | | |`);
      continue;
    }
    const started = performance.now();
    const result = await generateRoster({
      problem: parsed.value,
      seed: args.seed,
      timeLimitMs: args.timeLimitSec * 1000,
      now: () => performance.now(),
      highs,
    });
    const seconds = (performance.now() - started) / 1000;
    // Independent validation of the returned roster.
    const check = evaluateRoster(parsed.value, result.roster);
    const bestKnown = known.get(name)?.best;
    if (args.json) {
      console.log(
        JSON.stringify({
          instance: name,
          objective: check.objective,
          ...(bestKnown !== undefined ? { bestKnown } : {}),
          feasible: check.hardViolations.length === 0,
          seconds: Number(seconds.toFixed(2)),
          hardViolations: check.hardViolations.length,
          ...(result.bound !== undefined ? { bound: result.bound } : {}),
          timeToFirstFeasibleSeconds: Number((result.timeToFirstFeasibleMs / 1000).toFixed(2)),
          timeToBestSeconds: Number((result.timeToBestMs / 1000).toFixed(2)),
          status: result.status,
        }),
      );
    } else {
      const gap = bestKnown ? (((check.objective - bestKnown) / bestKnown) * 100).toFixed(2) : '–';
      console.log(
        `| ${name} | ${check.objective} | ${bestKnown ?? '–'} | ${gap} | ${(result.timeToFirstFeasibleMs / 1000).toFixed(1)} | ${(result.timeToBestMs / 1000).toFixed(1)} | ${result.bound === undefined ? '–' : Math.round(result.bound * 10) / 10} | ${result.status} | ${check.hardViolations.length} |`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
