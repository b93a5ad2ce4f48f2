// Runs the fuzz targets round-robin for a time budget. `npm run fuzz` runs it for FUZZ_SECONDS
// (default 300) from FUZZ_SEED (default: the time); the test suite runs it briefly from a fixed seed
// (test/security/fuzz.test.ts). FUZZ_TARGET=name runs one target; FUZZ_CASE=n replays one case.
import { caseSeed, random } from './mutate.js';
import { targets, type Target } from './targets.js';

interface Failure {
  target: string;
  n: number;
  problems: string[];
}

export interface FuzzReport {
  seed: number;
  ms: number;
  cases: Record<string, number>;
  failures: Failure[];
}

export interface FuzzOptions {
  seed: number;
  seconds: number;
  /** Run exactly this many rounds of every target instead of until `seconds` have passed. */
  rounds?: number;
  only?: string;
  replay?: number;
  /** Stop a target after this many failures (the first ones say it all). */
  maxFailuresPerTarget?: number;
}

export async function fuzz(o: FuzzOptions): Promise<FuzzReport> {
  const all = targets();
  const chosen = o.only ? all.filter((t) => t.name === o.only) : all;
  if (chosen.length === 0) throw new Error(`no fuzz target named ${o.only}: ${all.map((t) => t.name).join(', ')}`);
  const report: FuzzReport = { seed: o.seed, ms: 0, cases: {}, failures: [] };
  const started = Date.now();
  const deadline = started + o.seconds * 1000;
  const failed = new Map<string, number>();
  const runCase = async (t: Target, n: number) => {
    const problems = await t.run(random(caseSeed(o.seed, t.name, n)), n);
    report.cases[t.name] = (report.cases[t.name] ?? 0) + 1;
    if (problems.length === 0) return;
    failed.set(t.name, (failed.get(t.name) ?? 0) + 1);
    report.failures.push({ target: t.name, n, problems });
  };
  try {
    if (o.replay !== undefined) {
      for (const t of chosen) await runCase(t, o.replay);
    } else {
      // A fixed number of rounds (the test suite: the same cases on any machine), else until the deadline.
      for (let n = 0; o.rounds !== undefined ? n < o.rounds : Date.now() < deadline; n++) {
        for (const t of chosen) {
          if ((failed.get(t.name) ?? 0) >= (o.maxFailuresPerTarget ?? 3)) continue;
          await runCase(t, n);
          if (o.rounds === undefined && Date.now() >= deadline) break;
        }
      }
    }
  } finally {
    for (const t of all) t.close?.();
  }
  report.ms = Date.now() - started;
  return report;
}

/** One line per target, then every failure with how to replay it. */
export function describe(r: FuzzReport): string {
  const lines = [`fuzz seed ${r.seed}: ${Object.values(r.cases).reduce((a, b) => a + b, 0)} cases in ${(r.ms / 1000).toFixed(1)} s`];
  for (const [t, n] of Object.entries(r.cases)) lines.push(`  ${t}: ${n} cases`);
  for (const f of r.failures) {
    lines.push(`FAILURE ${f.target} case ${f.n} — replay: FUZZ_SEED=${r.seed} FUZZ_TARGET='${f.target}' FUZZ_CASE=${f.n} npm run fuzz`);
    for (const p of f.problems) lines.push(`    ${p}`);
  }
  return lines.join('\n');
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
  const seconds = Number(process.env.FUZZ_SECONDS ?? 300);
  const replay = process.env.FUZZ_CASE !== undefined ? Number(process.env.FUZZ_CASE) : undefined;
  const r = await fuzz({
    seed,
    seconds,
    only: process.env.FUZZ_TARGET,
    replay,
    maxFailuresPerTarget: Number(process.env.FUZZ_MAX_FAILURES ?? 10),
  });
  console.log(describe(r));
  process.exitCode = r.failures.length ? 1 : 0;
}
