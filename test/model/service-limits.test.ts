// `systemctl show UNIT`: the open-files limit systemd gives a service is its processes' own — the
// process MainPID= names and every process named like the service (workers share it) — never an
// unrelated process's, and a process's own /proc/PID/limits stays first. The systemctl lines are real
// outputs (their threads below); the ps rows and fd counts around them are written for each test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import type { AnalysisResult } from '../../src/result.js';
import { fixtureLines } from '../helpers.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const analyzeText = (text: string) => analyzeTranscript(text, 'transcript.md', now);

function limitOf(result: AnalysisResult, pid: number): { fdLimit: number | null; fdLimitBasis: string | null } | undefined {
  const p = (result.processes ?? []).find((x) => x.pid === pid);
  return p && { fdLimit: p.fdLimit, fdLimitBasis: p.fdLimitBasis };
}

const block = (...lines: string[]) => ['```', ...lines, '```', ''].join('\n');

// https://github.com/familug/familug.github.io/blob/482f2aed8a746703a04e459bdcde48ed8bc0053c/content/systemd_LimitNOFILE.md
// (systemd 249): `systemctl show cron| grep NOFILE`, and cron's own /proc/464/limits.
const CRON_SHOW = ['$ systemctl show cron| grep NOFILE', 'LimitNOFILE=524288', 'LimitNOFILESoft=1024'];
const CRON_LIMITS = [
  '$ cat /proc/464/limits',
  'Limit                     Soft Limit           Hard Limit           Units     ',
  'Max cpu time              unlimited            unlimited            seconds   ',
  'Max file size             unlimited            unlimited            bytes     ',
  'Max data size             unlimited            unlimited            bytes     ',
  'Max stack size            8388608              unlimited            bytes     ',
  'Max core file size        0                    unlimited            bytes     ',
  'Max resident set          unlimited            unlimited            bytes     ',
  'Max processes             61289                61289                processes ',
  'Max open files            1024                 524288               files     ',
  'Max locked memory         8388608              8388608              bytes     ',
  'Max address space         unlimited            unlimited            bytes     ',
  'Max file locks            unlimited            unlimited            locks     ',
  'Max pending signals       61289                61289                signals   ',
  'Max msgqueue size         819200               819200               bytes     ',
  'Max nice priority         0                    0                    ',
  'Max realtime priority     0                    0                    ',
  'Max realtime timeout      unlimited            unlimited            us   ',
];
const PS_HEADER = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND';

test("a service's limit is the limit of every process named like it (a master and its workers), not another program's", async () => {
  const result = await analyzeText(
    block(
      '$ systemctl show -p LimitNOFILE,LimitNOFILESoft nginx',
      'LimitNOFILE=524288',
      'LimitNOFILESoft=1024',
      '$ ps aux',
      PS_HEADER,
      'root        1201  0.0  0.1  55180  1612 ?        Ss   09:00   0:00 nginx: master process /usr/sbin/nginx -g daemon on; master_process on;',
      'www-data    1202  0.3  0.4  56720  9012 ?        S    09:00   1:02 nginx: worker process',
      'www-data    1203  0.3  0.4  56720  9012 ?        S    09:00   1:01 nginx: worker process',
      'app         2300  1.0  9.0 4190000 180000 ?      Ssl  08:00   9:10 /usr/bin/java -jar /opt/app/app.jar',
      '$ ls /proc/1202/fd | wc -l',
      '1019',
      '$ ls /proc/1203/fd | wc -l',
      '211',
      '$ ls /proc/2300/fd | wc -l',
      '950',
    ),
  );
  for (const pid of [1202, 1203]) {
    const l = limitOf(result, pid);
    assert.equal(l?.fdLimit, 1024, `pid ${pid}`);
    assert.match(
      l?.fdLimitBasis ?? '',
      /systemctl show nginx: LimitNOFILESoft=1024, the service's soft limit; its hard limit is 524288; pid \d+ is named nginx/,
    );
  }
  // java runs no nginx: the service's limit is not its own.
  assert.equal(limitOf(result, 2300)?.fdLimit, null);
  assert.equal(limitOf(result, 2300)?.fdLimitBasis, null);
  // The service's limit is the process's own, not a shell's assumed: no capture asked for the limit of 1202.
  assert.ok(!result.missing.some((m) => m.what === 'the open-files limit of pid 1202 itself'));
});

test("a process's own /proc/PID/limits stays first; the service's limit stands for a process without one", async () => {
  const ps = ['$ ps aux', PS_HEADER, 'root         464  0.0  0.0   9492  2760 ?        Ss   Mar12   0:00 /usr/sbin/cron -f -P'];
  const count = ['$ ls /proc/464/fd | wc -l', '7'];
  const own = await analyzeText(block(...CRON_SHOW, ...ps, ...CRON_LIMITS, ...count));
  assert.deepEqual(limitOf(own, 464), { fdLimit: 1024, fdLimitBasis: '/proc/464/limits' });
  // Read in the other order too: which comes first in the transcript does not matter.
  const before = await analyzeText(block(...CRON_LIMITS, ...ps, ...CRON_SHOW, ...count));
  assert.deepEqual(limitOf(before, 464), { fdLimit: 1024, fdLimitBasis: '/proc/464/limits' });
  const service = await analyzeText(block(...CRON_SHOW, ...ps, ...count));
  assert.equal(limitOf(service, 464)?.fdLimit, 1024);
  assert.match(
    limitOf(service, 464)?.fdLimitBasis ?? '',
    /: systemctl show cron: LimitNOFILESoft=1024, the service's soft limit; its hard limit is 524288; pid 464 is named cron$/,
  );
});

test('the service beats the capturing shell: ulimit -a is not the limit of a process systemd started', async () => {
  const result = await analyzeText(
    block(
      '$ ulimit -n',
      '65536',
      ...CRON_SHOW,
      '$ ps aux',
      PS_HEADER,
      'root         464  0.0  0.0   9492  2760 ?        Ss   Mar12   0:00 /usr/sbin/cron -f -P',
      '$ ls /proc/464/fd | wc -l',
      '1000',
    ),
  );
  assert.equal(limitOf(result, 464)?.fdLimit, 1024);
  assert.match(result.suspects[0]?.fdLimitBasis ?? '', /systemctl show cron/);
  assert.equal(result.suspects[0]?.fdLimitAssumed, false);
});

test('MainPID= of the whole output names the process, whatever it is called', async () => {
  // https://github.com/lpil/systemd_status/blob/7eb76c13eb9d733c121ade99d6091387ca856b4f/test/systemd_status_test.gleam
  const whole = fixtureLines('sources', 'systemctl-show', 'whole-service.txt');
  const result = await analyzeText(block('$ systemctl show wibble-webapp.service', ...whole, '$ ls /proc/3764255/fd | wc -l', '900'));
  assert.equal(limitOf(result, 3764255)?.fdLimit, 1024);
  assert.match(
    limitOf(result, 3764255)?.fdLimitBasis ?? '',
    /systemctl show wibble-webapp\.service: LimitNOFILESoft=1024.*; MainPID=3764255$/,
  );
});

test('LimitNOFILE= alone is only the hard limit: the limit stays unknown (syncthing, systemd 239)', async () => {
  // https://github.com/syncthing/syncthing/issues/5319
  const result = await analyzeText(
    block(
      '$ systemctl --user show syncthing | grep LimitNOFILE',
      'LimitNOFILE=4096',
      '$ ps aux',
      PS_HEADER,
      'njam        3101  2.0  1.5 1180000 120000 ?      Ssl  10:00   5:00 /usr/bin/syncthing -no-browser',
      '$ ls /proc/3101/fd | wc -l',
      '1015',
    ),
  );
  assert.deepEqual(limitOf(result, 3101), { fdLimit: null, fdLimitBasis: null });
  assert.ok(result.sources.some((s) => s.kind === 'systemctl-show' && s.warnings.some((w) => /hard limit/.test(w))));
});

test("a unit named unlike the program is not tied by name: docker.service's limit is not dockerd's", async () => {
  // https://github.com/systemd/systemd/issues/9205: `systemctl show docker | grep NOFILE` and `ps aux | grep dockerd`
  // (the soft line is ours: that systemd printed none).
  const result = await analyzeText(
    block(
      '$ systemctl show docker | grep NOFILE',
      'LimitNOFILE=18446744073709551615',
      'LimitNOFILESoft=1024',
      '$ ps aux | grep dockerd',
      'root       868  0.1  0.9 1412052 79508 ?       Ssl  09:34   0:02 /usr/bin/dockerd',
      '$ ls /proc/868/fd | wc -l',
      '1000',
    ),
  );
  assert.equal(limitOf(result, 868)?.fdLimit, null);
});

test('the only process, known by no name, is the service’s; one of another name is not', async () => {
  const show = ['$ systemctl show -p LimitNOFILE,LimitNOFILESoft myapp', 'LimitNOFILE=4096', 'LimitNOFILESoft=1024'];
  const alone = await analyzeText(block(...show, '$ ls /proc/2211/fd | wc -l', '1019'));
  assert.equal(limitOf(alone, 2211)?.fdLimit, 1024);
  assert.match(limitOf(alone, 2211)?.fdLimitBasis ?? '', /pid 2211 is the only process the bundle knows, and nothing names its program$/);
  const named = await analyzeText(
    block(
      ...show,
      '$ ps aux',
      PS_HEADER,
      'app         2211  1.0  2.0 900000 40000 ?        Ssl  08:00   1:10 /usr/bin/otherd',
      '$ ls /proc/2211/fd | wc -l',
      '1019',
    ),
  );
  assert.equal(limitOf(named, 2211)?.fdLimit, null);
  // Two processes: neither is the service's by elimination.
  const two = await analyzeText(block(...show, '$ ls /proc/2211/fd | wc -l', '1019', '$ ls /proc/2212/fd | wc -l', '40'));
  assert.equal(limitOf(two, 2211)?.fdLimit, null);
  // A unit on another host (-H) is no process's here.
  const remote = await analyzeText(
    block(
      '$ systemctl -H web1 show -p LimitNOFILE,LimitNOFILESoft myapp',
      'LimitNOFILE=4096',
      'LimitNOFILESoft=1024',
      '$ ls /proc/2211/fd | wc -l',
      '1019',
    ),
  );
  assert.equal(limitOf(remote, 2211)?.fdLimit, null);
});

test('a JVM raises its soft limit to the hard one as it starts: its limit is the hard one', async () => {
  // systemd 240+'s defaults (1024 over 524288, as above); MainPID= and the ps rows are written for this test.
  const show = [
    '$ systemctl show -p MainPID,LimitNOFILE,LimitNOFILESoft elasticsearch',
    'MainPID=4242',
    'LimitNOFILE=524288',
    'LimitNOFILESoft=1024',
  ];
  const run = (args: string) =>
    analyzeText(
      block(
        ...show,
        '$ ps aux',
        PS_HEADER,
        `elastic+    4242 12.0 40.0 9000000 800000 ?      Ssl  08:00  90:00 /usr/share/elasticsearch/jdk/bin/java ${args}`,
        '$ ls /proc/4242/fd | wc -l',
        '1020',
      ),
    );
  const jvm = await run('-Xms1g -Xmx1g -cp /usr/share/elasticsearch/lib/* org.elasticsearch.bootstrap.Elasticsearch');
  assert.equal(limitOf(jvm, 4242)?.fdLimit, 524288);
  assert.match(
    limitOf(jvm, 4242)?.fdLimitBasis ?? '',
    /MainPID=4242; a JVM raises its soft limit to the hard one \(524288\) as it starts$/,
  );
  // 1,020 fds are not near 524,288: nothing points at it (at 1,024 it would be at its limit).
  assert.deepEqual(jvm.suspects, []);
  const off = await run('-XX:-MaxFDLimit -cp /usr/share/elasticsearch/lib/* org.elasticsearch.bootstrap.Elasticsearch');
  assert.equal(limitOf(off, 4242)?.fdLimit, 1024);
  assert.equal(off.suspects[0]?.pid, 4242);
});

test("a sosreport's systemctl show '*service' --all: each block is its Id='s unit, tied by its MainPID=", async () => {
  // The block is the real whole output above; the ps and lsof rows are written for this test, in sos's layout.
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-sos-systemd-'));
  try {
    const sos = join(dir, 'sosreport-host-2026');
    mkdirSync(join(sos, 'sos_reports'), { recursive: true });
    mkdirSync(join(sos, 'sos_commands', 'systemd'), { recursive: true });
    mkdirSync(join(sos, 'sos_commands', 'process'), { recursive: true });
    writeFileSync(join(sos, 'sos_reports', 'manifest.json'), '{"version": "4.0"}\n');
    const whole = fixtureLines('sources', 'systemctl-show', 'whole-service.txt');
    writeFileSync(join(sos, 'sos_commands', 'systemd', 'systemctl_show_service_--all'), `${whole.join('\n')}\n`);
    writeFileSync(
      join(sos, 'sos_commands', 'process', 'ps_auxwww'),
      [PS_HEADER, 'wibble   3764255  0.5  1.0 900000 21480 ?        Ssl  Feb27   1:18 deno task production webapp', ''].join('\n'),
    );
    writeFileSync(
      join(sos, 'sos_commands', 'process', 'lsof_-b_M_-n_-l_-c'),
      [
        'deno      3764255     1000  cwd       DIR              254,0      4096 2147809 /usr/lib/wibble',
        'deno      3764255     1000    0r      CHR                1,3       0t0       4 /dev/null',
        'deno      3764255     1000    3u  a_inode               0,14         0    1057 [eventpoll]',
        '',
      ].join('\n'),
    );
    const { result } = await analyzeBundle(sos, { now });
    const kinds = new Map(result.sources.map((x) => [x.file, x.kind]));
    assert.equal(kinds.get('sos_commands/systemd/systemctl_show_service_--all'), 'systemctl-show');
    assert.equal(limitOf(result, 3764255)?.fdLimit, 1024);
    assert.match(
      limitOf(result, 3764255)?.fdLimitBasis ?? '',
      /systemctl show wibble-webapp\.service: LimitNOFILESoft=1024.*MainPID=3764255/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
