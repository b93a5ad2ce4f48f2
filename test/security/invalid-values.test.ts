// Item 9 of issue 18 (outside strace): a value that is no value (a snapshot time no clock shows, a
// count of 400 digits, an open-files limit of 0) is a warning naming its file and line, and never
// reaches an output as NaN, Infinity or "Invalid Date" ("gains NaN fds per minute ... about NaN days").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../helpers.js';

const BIN = resolve(ROOT, 'bin', 'fdleak.js');
const FORBIDDEN = /NaN|Infinity|Invalid Date/;

test('bad snapshot times, overflowing counts and a limit of 0: warnings on their lines, no NaN/Infinity in any output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-invalid-'));
  try {
    const bundle = join(dir, 'bundle');
    cpSync(resolve(ROOT, 'samples', 'java-cat-leak-live'), bundle, { recursive: true });
    const edit = (file: string, f: (t: string) => string) => writeFileSync(join(bundle, file), f(readFileSync(join(bundle, file), 'utf8')));
    edit('snapshots.txt', (t) => t.replace('2026-11-25T19:12:45.603+00:00', '2026-13-45T99:99:99.603+00:00'));
    edit('snapshots.json', (t) => t.replace('"2026-11-25T19:12:45.603+00:00"', '"2026-13-45T99:99:99.603+00:00"'));
    edit('ulimit-a.txt', (t) => t.replace('(-n) 20000', '(-n) 0'));
    edit('proc-net-sockstat.txt', (t) => t.replace(/alloc \d+/, `alloc ${'9'.repeat(400)}`));
    edit('ps-auxww.txt', (t) => t.replace(/\n(\S+\s+)(\d+)/, (_m, user) => `\n${user}${'9'.repeat(30)}`));

    const json = spawnSync(process.execPath, [BIN, 'analyze', bundle, '--json'], { encoding: 'utf8' });
    assert.equal(json.status, 1, json.stderr);
    assert.doesNotMatch(json.stdout, FORBIDDEN);
    const warnings: string[] = JSON.parse(json.stdout).sources.flatMap((s: { warnings: string[] }) => s.warnings);
    const expect = [
      /^snapshots\.txt:3: the sample time 2026-13-45T99:99:99\.603\+00:00 is no date and time/,
      /^snapshots\.json: the sample time 2026-13-45T99:99:99\.603\+00:00 is no date and time/,
      /^ulimit-a\.txt:9: an open-files limit of 0 allows no fd at all/,
      /^proc-net-sockstat\.txt:\d+: field alloc has no number/,
      /^ps-auxww\.txt:2: /,
    ];
    for (const e of expect)
      assert.ok(
        warnings.some((w) => e.test(w)),
        `${e}\n${warnings.join('\n')}`,
      );

    for (const args of [
      ['analyze', bundle],
      ['notebook', 'status', bundle],
      ['report', bundle, '-f', 'md,html,json', '--out', join(dir, 'out') + '/'],
    ]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, `${args[0]}: ${r.stderr}`);
      assert.doesNotMatch(r.stdout + r.stderr, FORBIDDEN, args.join(' '));
    }
    for (const f of ['bundle.md', 'bundle.html', 'bundle.json'])
      assert.doesNotMatch(readFileSync(join(dir, 'out', f), 'utf8'), FORBIDDEN, f);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
