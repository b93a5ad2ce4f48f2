// Checks every regular-expression literal of the built CLI (dist/src) with recheck, a ReDoS checker
// that finds exponential and polynomial backtracking by analysis and by fuzzing. Not part of
// `npm test` (it takes minutes); the linear-time tests in test/security/ are what CI holds to. Run
// it after touching a pattern:
//   npm run build && npm install --no-save recheck@4 acorn@8 && node scripts/regex-audit.mjs
//
// The verdict does not depend on the machine's load. recheck's fuzzer stops each attack, incubation
// and seeding run after a wall-clock time by default, so on a busy machine it saw fewer steps and
// came to other conclusions from run to run. Here every such stop is a count of steps instead (the
// characters its VM reads), and the fuzzer's seed is fixed, so a run reads the same steps on any
// machine. Only the whole check keeps a wall-clock limit; a check that reaches it is retried once
// with a budget ten times larger before it is reported.
//
// Each pattern ends as one of:
//   linear        recheck found it safe: proven by its automaton checker, or (for a pattern too large
//                 for that) no attack found by its fuzzer in the fixed number of steps — the summary
//                 counts the two apart;
//   allowed       recheck calls it polynomial, but its input is bounded by construction (ALLOWED
//                 below says the bound and why), so the cost is a constant;
//   super-linear  recheck found an attack string (exponential or polynomial, with its degree);
//   unknown       recheck still timed out (or failed) after the retry.
// The script exits 1 when any pattern is super-linear or unknown, and says which.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const { check } = await import('recheck');
const acorn = await import('acorn');

/** Steps, not milliseconds: the same on an idle and a loaded machine. */
const PARAMS = {
  randomSeed: 0,
  attackTimeout: null,
  attackLimit: 1_500_000_000,
  incubationTimeout: null,
  incubationLimit: 25_000,
  seedingTimeout: null,
  seedingLimit: 1_000,
  // recheck's recall validation (re-running an attack on the real engine) stays off, as by default:
  // turned on without a time limit it took minutes a pattern and let true attacks through as safe.
};
const FIRST_BUDGET_MS = 60_000;
const RETRY_BUDGET_MS = 600_000;

/**
 * Patterns recheck calls polynomial whose subject is bounded where the code builds it, keyed by the
 * built file (under dist/src) and the pattern's source. Each names the bound and where it is kept.
 * An entry that no longer matches a pattern is reported, so the list cannot go stale silently.
 */
const ALLOWED = [
  // { file: 'src/…/x.js', pattern: '…', bound: 'at most N characters: …' },
];

function jsFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}

/** The line of the TypeScript source that holds the literal (tsc keeps literals as written). */
function sourceLine(jsFile, pattern, flags, jsLine) {
  const ts = jsFile.replace(/^dist[/\\]/, '').replace(/\.js$/, '.ts');
  try {
    const lines = readFileSync(ts, 'utf8').split('\n');
    const literal = `/${pattern}/${flags}`;
    const i = lines.findIndex((l) => l.includes(literal));
    return i < 0 ? `${ts} (dist line ${jsLine})` : `${ts}:${i + 1}`;
  } catch {
    return `${jsFile}:${jsLine}`;
  }
}

const found = [];
for (const file of jsFiles('dist/src').sort()) {
  acorn.parse(readFileSync(file, 'utf8'), {
    ecmaVersion: 'latest',
    sourceType: 'module',
    locations: true,
    onToken: (t) => {
      if (t.type === acorn.tokTypes.regexp) {
        found.push({ file: relative('dist', file), at: sourceLine(file, t.value.pattern, t.value.flags, t.loc.start.line), ...t.value });
      }
    },
  });
}

function describe(d) {
  if (d.status === 'vulnerable') return `${d.complexity.type} ${d.complexity.degree ?? ''}, e.g. ${d.attack.pattern}`.replace(/ ,/, ',');
  return d.error?.kind ?? d.status;
}

const counts = { linear: 0, allowed: 0, 'super-linear': 0, unknown: 0 };
const linearBy = { automaton: 0, fuzz: 0 };
const allowUsed = new Set();
// One at a time: two checks at once on two cores slow each other.
for (const [i, r] of found.entries()) {
  if (i % 100 === 0) process.stderr.write(`${i}/${found.length}\n`);
  let d = await check(r.pattern, r.flags, { ...PARAMS, timeout: FIRST_BUDGET_MS });
  let retried = false;
  if (d.status === 'unknown') {
    retried = true;
    d = await check(r.pattern, r.flags, { ...PARAMS, timeout: RETRY_BUDGET_MS });
  }
  if (d.status === 'safe') {
    counts.linear++;
    linearBy[d.checker] = (linearBy[d.checker] ?? 0) + 1;
    continue;
  }
  const allow =
    d.status === 'vulnerable' && d.complexity.type === 'polynomial' && ALLOWED.find((a) => a.file === r.file && a.pattern === r.pattern);
  if (allow) {
    allowUsed.add(allow);
    counts.allowed++;
    console.log(`${r.at}\tallowed\t/${r.pattern}/${r.flags}\t${describe(d)}; bounded: ${allow.bound}`);
    continue;
  }
  const verdict = d.status === 'vulnerable' ? 'super-linear' : 'unknown';
  counts[verdict]++;
  console.log(
    `${r.at}\t${verdict}\t/${r.pattern}/${r.flags}\t${describe(d)}${retried ? ` (after a retry of ${RETRY_BUDGET_MS / 1000} s)` : ''}`,
  );
}
for (const a of ALLOWED) if (!allowUsed.has(a)) console.log(`${a.file}\tstale allow-list entry\t/${a.pattern}/`);
console.log(
  `${found.length} patterns checked: ${counts.linear} linear (${linearBy.automaton} proven by automaton, ${linearBy.fuzz} by fuzzing), ${counts.allowed} allowed (bounded input), ` +
    `${counts['super-linear']} super-linear, ${counts.unknown} unknown after a retry`,
);
process.exitCode = counts['super-linear'] || counts.unknown ? 1 : 0;
