// The installed command: `fdleak redact` (a copy, the input untouched, the map new and private),
// `--redact-pattern` (used, refused when invalid, non-linear or empty), and a terminal session full
// of what must not leave the team — secrets in command lines and logs, IPv6 peers, URLs with
// credentials — through analyze --json and report in every format, the map never among them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../helpers.js';

const BIN = resolve(ROOT, 'bin', 'fdleak.js');
let work: string;
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8' });

// A support engineer's session on the leaking host, as pasted into a ticket.
const SESSION = `[deploy@web3.prod.acme.com ~]$ ps auxww | grep 4242
deploy    4242  2.0  5.1 4459440 412880 ?      Ssl  10:01   1:02 /usr/bin/java -Ddb.password=hunter2 -Dspring.datasource.url=jdbc:postgresql://app:s3cr3t@db1.prod.acme.com:5432/orders -jar /home/deploy/app.jar --token abc123tok ORDER-7781
[deploy@web3 ~]$ cat /proc/4242/limits | grep files
Max open files            4096                 4096                 files
[deploy@web3 ~]$ lsof -n -p 4242
COMMAND  PID   USER   FD   TYPE DEVICE SIZE/OFF     NODE NAME
java    4242 deploy  cwd    DIR  253,1     4096  1048577 /home/deploy
java    4242 deploy   88u  IPv6 910001      0t0      TCP [fd12:3456:789a::10]:8443->[2600:1f18:1:2::7]:51234 (ESTABLISHED)
java    4242 deploy   89u  IPv4 910002      0t0      TCP 10.20.30.40:41000->172.16.9.8:6379 (ESTABLISHED)
${Array.from({ length: 60 }, (_, i) => `java    4242 deploy  ${100 + i}u  sock    0,9      0t0  ${920000 + i} protocol: TCP`).join('\n')}
[deploy@web3 ~]$ ss -tanp | grep 4242
ESTAB 0 0 [fd12:3456:789a::10]:8443 [2600:1f18:1:2::7]:51234 users:(("java",pid=4242,fd=88))
ESTAB 0 0 [::ffff:10.20.30.40]:41000 [::ffff:172.16.9.8]:6379 users:(("java",pid=4242,fd=89))
[deploy@web3 ~]$ tail -4 /var/log/orders/app.log
2026-12-01 10:00:01 ERROR auth failed for user=deploy password=hunter2 from 2600:1f18:1:2::7
2026-12-01 10:00:02 WARN GET https://svc:t0k3n@api.partner.example.net/v1 Authorization: Bearer eyJhbGciOi.abc.def
2026-12-01 10:00:03 ERROR java.net.SocketException: Too many open files (ORDER-7781, ORDER-7782)
2026-12-01 10:00:04 INFO {"apiKey": "AKIA123SECRET", "user": "deploy", "host": "web3.prod.acme.com"}
[deploy@web3 ~]$ id
uid=1001(deploy) gid=1001(deploy) groups=1001(deploy)
`;

/** What must appear in no shared output. */
const SECRETS = ['hunter2', 's3cr3t', 'abc123tok', 't0k3n', 'eyJhbGciOi', 'AKIA123SECRET'];
const NAMES = [
  /(?<![A-Za-z0-9])deploy(?![A-Za-z0-9])/,
  /web3/i,
  /acme/i,
  /partner/,
  /fd12:3456/i,
  /2600:1f18/i,
  /10\.20\.30\.40/,
  /172\.16\.9\.8/,
];

function assertClean(label: string, text: string): void {
  for (const s of SECRETS) assert.ok(!text.includes(s), `${label}: ${s}`);
  for (const re of NAMES) assert.doesNotMatch(text, re, label);
}

let session: string;
before(() => {
  work = mkdtempSync(join(tmpdir(), 'fdleak-redact-cli-'));
  session = join(work, 'session.txt');
  writeFileSync(session, SESSION);
});
after(() => rmSync(work, { recursive: true, force: true }));

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test('fdleak redact: the copy holds no secret, address or name; the input is untouched; the map is new and 0600', () => {
  const before = sha(session);
  const map = join(work, 'copy.map.json');
  const r = run('redact', session, '--out', 'copy', '--redact-map', map, '--redact-pattern', 'ORDER-[0-9]+');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /copy: 1 files written/);
  assert.match(
    r.stderr,
    /^fdleak: redacted \(2 IPv4 addresses, 2 IPv6 addresses, 3 host names, 2 domains, 1 user name, 2 pattern matches; secrets removed\); map: .*copy\.map\.json\. Review before sharing\.\n$/,
  );
  assert.equal(sha(session), before, 'the input is not modified');
  const copy = readFileSync(join(work, 'copy', 'session.txt'), 'utf8');
  assertClean('copy', copy);
  assert.doesNotMatch(copy, /ORDER-\d/);
  assert.match(copy, /^\[user-1@host-1\.domain-1\.example ~\]\$ ps auxww \| grep 4242$/m);
  assert.match(copy, /jdbc:postgresql:\/\/host-\d+\.domain-1\.example:5432\/orders/, 'the scheme and host stay, the credentials go');
  assert.match(copy, /TCP \[2001:db8::1\]:8443->\[2001:db8::2\]:51234 \(ESTABLISHED\)/, 'IPv6 in brackets, ports kept');
  assert.match(copy, /\[::ffff:192\.0\.2\.\d+\]:41000/, 'a mapped IPv4 takes the IPv4 pseudonym');
  assert.match(copy, /Authorization: Bearer \[REDACTED\]/);
  assert.match(copy, /-Ddb\.password=\[REDACTED\]/);
  assert.match(copy, /--token \[REDACTED\] redacted-1/);
  assert.match(copy, /uid=1001\(user-1\)/, 'numbers stay');
  assert.equal(statSync(join(work, 'copy')).mode & 0o777, 0o700);
  assert.equal(statSync(join(work, 'copy', 'session.txt')).mode & 0o777, 0o600);
  assert.equal(statSync(map).mode & 0o777, 0o600);
  const m = JSON.parse(readFileSync(map, 'utf8')) as Record<string, Record<string, string>>;
  assert.equal(m.users['user-1'], 'deploy');
  assert.equal(m.hosts['host-1'], 'web3');
  assert.equal(m.domains['domain-1.example'], 'prod.acme.com');
  assert.equal(m.ipv6['2001:db8::2'], '2600:1f18:1:2::7');
  assert.equal(m.patterns['redacted-1'], 'ORDER-7781');
  assert.ok(!JSON.stringify(m).includes('hunter2'), 'secrets are removed, never mapped');

  // The redacted copy is still the same incident.
  const a = JSON.parse(run('analyze', session, '--json').stdout);
  const b = JSON.parse(run('analyze', join('copy', 'session.txt'), '--json').stdout);
  assert.equal(b.verdict, a.verdict);
  assert.deepEqual(
    b.suspects.map((s: { pid: number; leak: unknown; fdCount: number }) => [s.pid, s.leak, s.fdCount]),
    a.suspects.map((s: { pid: number; leak: unknown; fdCount: number }) => [s.pid, s.leak, s.fdCount]),
  );
});

test('fdleak redact refuses, in one line and exit 2: an --out with files in it, an --out inside the bundle, an existing map, a map inside --out', () => {
  const full = join(work, 'full');
  mkdirSync(full);
  writeFileSync(join(full, 'x'), 'x');
  const bundle = join(work, 'bundle');
  mkdirSync(bundle);
  writeFileSync(join(bundle, 'ps.txt'), readFileSync(resolve(ROOT, 'samples', 'flume-redis-host', 'ps-auxww-grep-4684.txt')));
  const existing = join(work, 'existing.json');
  writeFileSync(existing, '{}');
  for (const [args, message] of [
    [[session, '--out', full], /full exists and is not an empty folder/],
    [[bundle, '--out', join(bundle, 'shared')], /is inside the bundle/],
    [[session, '--out', join(work, 'new1'), '--redact-map', existing], /--redact-map .*existing\.json exists/],
    [[session, '--out', join(work, 'new2'), '--redact-map', join(work, 'new2', 'map.json')], /is inside .*new2, which is what you share/],
    [[session], /no --out given/],
  ] as [string[], RegExp][]) {
    const r = run('redact', ...args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
  assert.equal(readFileSync(existing, 'utf8'), '{}', 'an existing map is never overwritten');
  assert.deepEqual(readdirSync(bundle), ['ps.txt'], 'nothing was written into the bundle');
  assert.deepEqual(readdirSync(full), ['x']);
});

test('--redact-pattern: an invalid, a non-linear or an empty-matching pattern is refused in one line, exit 2, before any work', () => {
  for (const [pattern, message] of [
    ['ORDER-(', /not a valid regular expression/],
    ['(\\w+)-\\1', /cannot run in linear time/],
    ['(?<=ORDER-)\\d+', /cannot run in linear time/],
    ['x{2,900}', /cannot run in linear time/],
    ['x*', /matches the empty string/],
    ['/ORDER/i', /flag i is not supported/],
  ] as [string, RegExp][]) {
    for (const cmd of [
      ['analyze', session],
      ['redact', session, '--out', join(work, 'never')],
    ]) {
      const r = run(...cmd, '--redact-pattern', pattern);
      assert.equal(r.status, 2, `${cmd[0]} ${pattern}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  }
  assert.ok(!readdirSync(work).includes('never'));
});

test('--redact-pattern runs in linear time: (a+)+$, the classic catastrophic pattern, on a 200 KB line', async () => {
  const { compilePattern } = await import('../../src/redact/patterns.js');
  const re = compilePattern('(a+)+$');
  const line = `${'a'.repeat(200_000)}!`;
  const started = performance.now();
  line.replace(re, 'x');
  assert.ok(performance.now() - started < 5_000, 'a backtracking engine would not finish');
});

test('analyze --json --redact and report --redact in every format: no secret, address or name, the header says redacted, the map is in none of them', () => {
  const map = join(work, 'report.map.json');
  const a = run('analyze', session, '--json', '--redact', '--redact-pattern', 'ORDER-[0-9]+', '--redact-map', map);
  assert.equal(a.status, 1, a.stderr);
  const result = JSON.parse(a.stdout);
  assert.equal(result.incident.redacted, true);
  assertClean('analyze --json', a.stdout);
  assert.doesNotMatch(a.stdout, /ORDER-\d/);
  const plain = JSON.parse(run('analyze', session, '--json').stdout);
  assert.equal(result.verdict, plain.verdict);
  assert.equal(result.suspects[0]?.pid, plain.suspects[0]?.pid);
  assert.equal(plain.incident.redacted, undefined, 'a plain result has no redacted field');

  const text = run('analyze', session, '--redact');
  assert.match(text.stdout, /^session\.txt \(redacted\)$/m);
  assertClean('analyze', text.stdout);

  const map2 = join(work, 'report2.map.json');
  const r = run('report', session, '--redact', '--redact-map', map2, '--format', 'html,md,json', '--out', 'reports/');
  assert.equal(r.status, 0, r.stderr);
  const mapText = readFileSync(map2, 'utf8');
  for (const f of ['session.html', 'session.md', 'session.json']) {
    const out = readFileSync(join(work, 'reports', f), 'utf8');
    assertClean(f, out);
    assert.ok(!out.includes('report2.map.json') && !out.includes('fdleak/redact-map'), `${f} does not mention the map`);
    for (const original of Object.values(JSON.parse(mapText) as Record<string, unknown>).flatMap((v) =>
      v && typeof v === 'object' ? Object.values(v as Record<string, string>) : [],
    )) {
      assert.ok(
        !new RegExp(`(?<![A-Za-z0-9])${original.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'i').test(out),
        `${f}: ${original} from the map`,
      );
    }
    if (f.endsWith('.md')) assert.match(out, /^# .*\(redacted\)$/m);
    if (f.endsWith('.html')) assert.match(out, /<h1>.*\(redacted\)<\/h1>/);
  }
  // The map is refused inside the report's folder.
  const inside = run('report', session, '--redact', '--redact-map', join(work, 'reports', 'map.json'), '--out', 'reports/');
  assert.equal(inside.status, 2);
  assert.match(inside.stderr, /which is what you share/);
});
