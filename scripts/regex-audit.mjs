// Checks every regular-expression literal of the built CLI (dist/src) with recheck, a ReDoS checker
// that finds exponential and polynomial backtracking by analysis and by fuzzing. Not part of
// `npm test`: its fuzzing is timed, so a busy machine can turn a safe verdict into a false alarm
// (the linear-time tests in test/security/ are what CI holds to). Run it after touching a pattern:
//   npm run build && npm install --no-save recheck@4 acorn@8 && node scripts/regex-audit.mjs
// It prints each pattern that is not proven safe and exits 1 if there is one.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const { check } = await import('recheck');
const acorn = await import('acorn');

function jsFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}

const found = [];
for (const file of jsFiles('dist/src').sort()) {
  acorn.parse(readFileSync(file, 'utf8'), {
    ecmaVersion: 'latest',
    sourceType: 'module',
    locations: true,
    onToken: (t) => {
      if (t.type === acorn.tokTypes.regexp) found.push({ at: `${relative('dist', file)}:${t.loc.start.line}`, ...t.value });
    },
  });
}

let bad = 0;
// One at a time: recheck times its attacks, and two checks at once on two cores slow each other.
for (const r of found) {
  const d = await check(r.pattern, r.flags, { timeout: 30_000 });
  if (d.status === 'safe') continue;
  bad++;
  const why = d.status === 'vulnerable' ? `${d.complexity.type} ${d.complexity.degree ?? ''}, e.g. ${d.attack.pattern}` : d.error?.kind;
  console.log(`${r.at}\t${d.status}\t/${r.pattern}/${r.flags}\t${why}`);
}
console.log(`${found.length} patterns checked, ${bad} not proven safe`);
process.exitCode = bad ? 1 : 0;
