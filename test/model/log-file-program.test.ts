// A log file under /var/log named after its program names the process that wrote its "Too many
// open files" lines, as a pid file names its process. Real capture: openethereum/parity-ethereum#6780
// (test/accuracy/cases/gh-parity-accept-emfile-host-lsof-shell-ulimit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { logFileProgram, scriptProgram } from '../../src/model/pipeline.js';
import { analyzeTranscript } from '../analyze-transcript.js';
import { CASES_DIR } from '../accuracy/score.js';

test('a /var/log file names its program; syslog files and other folders do not', () => {
  assert.equal(logFileProgram('/var/log/parity.log'), 'parity');
  assert.equal(logFileProgram('/var/log/parity.log.1'), 'parity');
  assert.equal(logFileProgram('/var/log/nginx/error.log'), 'nginx');
  assert.equal(logFileProgram('/var/log/syslog'), undefined);
  assert.equal(logFileProgram('/var/log/messages'), undefined);
  assert.equal(logFileProgram('/var/log/kern.log'), undefined);
  assert.equal(logFileProgram('/opt/app/logs/app.log'), undefined);
  assert.equal(logFileProgram(undefined), undefined);
});

test("parity's listener error, grepped from /var/log/parity.log, is parity's; the host counts are no one's", async () => {
  const file = join(CASES_DIR, 'gh-parity-accept-emfile-host-lsof-shell-ulimit', 'transcript.md');
  const { result } = await analyzeBundle(file, { now: new Date('2026-01-01T00:00:00Z') });
  assert.equal(result.verdict, 'inconclusive');
  const s = result.suspects[0];
  assert.equal(s?.pid, null);
  assert.equal(s?.command, 'parity');
  assert.match(s?.ranOut?.message ?? '', /listener accept error Too many open files \(os error 24\)/);
  // `lsof | wc -l` (123754 host rows) is not its fd count.
  assert.equal(s?.fdCount, null);
});

test("a supervisor's log of one stream names the program: NAME.err.log, NAME.out.log, NAME-stderr.log", () => {
  assert.equal(logFileProgram('/var/log/cfgwatch.err.log'), 'cfgwatch');
  assert.equal(logFileProgram('/var/log/long.out.log'), 'long');
  assert.equal(logFileProgram('/var/log/app-stderr.log'), 'app');
});

test('an interpreter running a script is the program the script is named after', () => {
  assert.equal(scriptProgram('/usr/bin/python3 /srv/acc267/cfgwatch/cfgwatch.py'), 'cfgwatch');
  assert.equal(scriptProgram('python3 -u worker.py --queue a'), 'worker');
  assert.equal(scriptProgram('node /srv/app/server.js'), 'server');
  // The runtimes' names as runtime-names.ts lists them: Debian's `nodejs`, a versioned `perl5.36`, `ruby3.1`.
  assert.equal(scriptProgram('/usr/bin/nodejs /srv/app/server.js'), 'server');
  assert.equal(scriptProgram('perl5.36 /opt/statsd.pl'), 'statsd');
  assert.equal(scriptProgram('ruby3.1 -w app/worker.rb'), 'worker');
  assert.equal(scriptProgram('java -jar /srv/app.jar'), undefined);
  assert.equal(scriptProgram('/usr/bin/python3 /usr/bin/supervisord -c /etc/supervisord.conf'), undefined);
  assert.equal(scriptProgram('/srv/bin/cfgwatch.py'), undefined);
  assert.equal(scriptProgram(null), undefined);
});

// Real lines: the captured case py-supervisord-cfgwatch-same-file-stderr-log-emfile (supervisord
// 9030 runs `/usr/bin/python3 /srv/acc267/cfgwatch/cfgwatch.py`, 9238; its stderr_logfile).
test("supervisord's stderr_logfile named after the script its child runs: the EMFILE lines are that child's", async () => {
  const r = await analyzeTranscript(
    [
      "root@cfg-1:~# ps -ef --forest | grep -E 'supervisord|cfgwatch' | grep -v grep",
      'root      9030  8977  1 17:10 ?        00:00:00              |       \\_ /usr/bin/python3 /usr/bin/supervisord -c /srv/acc267/cfgwatch/supervisord.conf',
      'root      9238  9030  0 17:10 ?        00:00:00              |       |   \\_ /usr/bin/python3 /srv/acc267/cfgwatch/cfgwatch.py',
      'root@cfg-1:~# for p in $(pgrep -f "supervisord|cfgwatch"); do echo "$p $(ls /proc/$p/fd | wc -l)"; done',
      '9030 10',
      '9238 256',
      'root@cfg-1:~# tail -n 4 /var/log/cfgwatch.err.log',
      "2026-12-07 17:10:14 cfgwatch ERROR reload failed: [Errno 24] Too many open files: '/srv/acc267/cfgwatch/config.json'",
      "2026-12-07 17:10:15 cfgwatch ERROR reload failed: [Errno 24] Too many open files: '/srv/acc267/cfgwatch/config.json'",
    ],
    'transcript.md',
    new Date('2026-01-01T00:00:00Z'),
  );
  const s = r.suspects[0];
  assert.equal(s?.pid, 9238);
  assert.equal(s?.ranOut?.path, '/var/log/cfgwatch.err.log');
  assert.match(s?.ranOut?.message ?? '', /Too many open files/);
  assert.ok(!(r.processes ?? []).some((p) => p.command === 'cfgwatch' || p.command === 'cfgwatch.err'));
});
