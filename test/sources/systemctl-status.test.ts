// `systemctl status UNIT` read as a process table (accuracy round 290). Real lines:
// mastodon/mastodon#18063 (a sidekiq unit whose journal line says nothing about fds) and
// icecc/icecream#588 (an iceccd unit whose journal lines say accept failed with EMFILE).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { systemctlStatus } from '../../src/sources/systemctl-status.js';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';
import { PARSERS } from '../../src/sources/registry.js';

const SIDEKIQ = [
  '● mastodon-sidekiq.service - mastodon-sidekiq',
  '     Loaded: loaded (/etc/systemd/system/mastodon-sidekiq.service; enabled; vendor preset: enabled)',
  '     Active: active (running) since Wed 2022-04-20 05:15:05 UTC; 1 day 20h ago',
  '   Main PID: 811 (bundle)',
  '      Tasks: 38 (limit: 18711)',
  '     Memory: 600.6M',
  '        CPU: 21h 34min 46.325s',
  '     CGroup: /system.slice/mastodon-sidekiq.service',
  '             └─811 sidekiq 6.4.1 live [11 of 25 busy]',
  '',
  'Apr 22 02:11:32 git bundle[811]: 2022-04-22T02:11:32.921Z pid=811 tid=qnm3r class=Chewy::Strategy::Sidekiq::Worker jid=1072140b4852c65ac64c1065 elapsed=6.207 INFO: fail',
];

const ICECCD = [
  '● iceccd.service - Icecream Distributed Compiler',
  '     Loaded: loaded (/usr/lib/systemd/system/iceccd.service; disabled; vendor preset: disabled)',
  '     Active: active (running) since Sat 2021-07-03 16:52:18 CEST; 9min ago',
  '   Main PID: 515279 (iceccd)',
  '      Tasks: 1 (limit: 18884)',
  '     Memory: 31.5M',
  '        CPU: 8min 7.496s',
  '     CGroup: /system.slice/iceccd.service',
  '             └─515279 /usr/sbin/iceccd -u icecc -b /var/cache/icecream -v -m 6',
  '',
  'Jul 03 17:00:54 dell iceccd[515279]: [515279] 2021-07-03 17:00:54: accept error(Error: Too many open files)',
  'Jul 03 17:00:54 dell iceccd[515279]: [515279] 2021-07-03 17:00:54: accept failed:(Error: Too many open files)',
];

/** The parser the registry picks for these lines, as the transcript reader picks it (ties to the earlier one). */
function picked(lines: readonly string[], command: string): string | undefined {
  let best: { id: string; score: number } | undefined;
  for (const p of PARSERS) {
    const score = p.detect({ head: [...lines], name: 'transcript.md', command });
    if (score >= 0.3 && (!best || score > best.score)) best = { id: p.id, score };
  }
  return best?.id;
}

test("the header's main pid (task name) and CGroup process (command line) are read; the journal is not", () => {
  const command = 'systemctl status mastodon-sidekiq.service';
  assert.equal(picked(SIDEKIQ, command), 'systemctl-status');
  const { artifact, warnings } = parseLines(systemctlStatus, SIDEKIQ, { command });
  assert.deepEqual(warnings, []);
  assert.deepEqual(
    artifact.processes.map((p) => [p.pid, p.command, p.cmdline]),
    [[811, 'bundle', 'sidekiq 6.4.1 live [11 of 25 busy]']],
  );
});

test('a status whose journal says a process ran out stays the log reader’s', () => {
  const command = 'systemctl status iceccd';
  assert.ok(appLog.detect({ head: ICECCD, name: 'transcript.md', command }) >= 0.3);
  assert.equal(picked(ICECCD, command), 'app-log');
});

test('nested and ASCII CGroup trees; another systemctl verb or no unit line is not a status', () => {
  const tree = [
    '* nginx.service - A high performance web server',
    '   Loaded: loaded (/lib/systemd/system/nginx.service; enabled)',
    '   Active: active (running) since Mon 2020-01-06 10:00:00 UTC; 1h ago',
    ' Main PID: 1200 (nginx)',
    '   CGroup: /system.slice/nginx.service',
    '           |-1200 nginx: master process /usr/sbin/nginx -g daemon on; master_process on;',
    '           `-1201 nginx: worker process',
  ];
  const { artifact } = parseLines(systemctlStatus, tree, { command: 'sudo systemctl status nginx' });
  assert.deepEqual(
    artifact.processes.map((p) => [p.pid, p.command]),
    [
      [1200, 'nginx'],
      [1201, 'nginx'],
    ],
  );
  assert.equal(systemctlStatus.detect({ head: tree, name: 'x', command: 'systemctl show nginx' }), 0);
  assert.equal(systemctlStatus.detect({ head: SIDEKIQ.slice(1), name: 'x' }), 0);
});
