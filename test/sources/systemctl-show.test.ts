// `systemctl show`: what the fixtures (real outputs, test/fixtures/sources/systemctl-show/README.md)
// do not show on their own — how the unit is read from the command, which lines are claimed, and
// hostile lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureLines } from '../helpers.js';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { showCommand, systemctlShow } from '../../src/sources/systemctl-show.js';
import type { DetectInput } from '../../src/sources/parser.js';

function winner(input: DetectInput): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect(input) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

// https://github.com/familug/familug.github.io/blob/482f2aed8a746703a04e459bdcde48ed8bc0053c/content/systemd_LimitNOFILE.md
// (`systemctl show cron| grep NOFILE`, systemd 249)
const CRON = ['LimitNOFILE=524288', 'LimitNOFILESoft=1024'];

test('the unit and the properties come from the command, in each of its spellings', () => {
  assert.deepEqual(showCommand('systemctl show -p LimitNOFILE,LimitNOFILESoft myapp'), {
    units: ['myapp'],
    properties: ['LimitNOFILE', 'LimitNOFILESoft'],
    valueOnly: false,
    user: false,
    elsewhere: false,
  });
  assert.deepEqual(showCommand('sudo systemctl show myapp.service --property=LimitNOFILE')?.units, ['myapp.service']);
  assert.deepEqual(showCommand('systemctl show myapp.service --property=LimitNOFILE')?.properties, ['LimitNOFILE']);
  assert.deepEqual(showCommand('systemctl show --property LimitNOFILE nginx')?.units, ['nginx']);
  assert.deepEqual(showCommand('systemctl show nginx -p LimitNOFILE -p LimitNOFILESoft')?.properties, ['LimitNOFILE', 'LimitNOFILESoft']);
  assert.deepEqual(showCommand('systemctl show -pLimitNOFILESoft nginx')?.properties, ['LimitNOFILESoft']);
  assert.equal(showCommand('systemctl show -P LimitNOFILESoft nginx')?.valueOnly, true);
  assert.equal(showCommand("systemctl show 'nginx' | grep -i nofile")?.units[0], 'nginx');
  assert.equal(showCommand('systemctl --user show syncthing | grep LimitNOFILE')?.user, true);
  assert.equal(showCommand('systemctl -H web1 show nginx')?.elsewhere, true);
  assert.deepEqual(showCommand('systemctl show | grep NOFILE')?.units, []);
  // Not a show: setting a limit, starting a unit, reading a unit file.
  assert.equal(showCommand('systemd-run --property=LimitNOFILE=64 ./x'), undefined);
  assert.equal(showCommand('systemctl restart nginx'), undefined);
  assert.equal(showCommand('systemctl cat nginx'), undefined);
  assert.equal(showCommand(undefined), undefined);
});

test('LimitNOFILESoft= is the limit EMFILE comes at; LimitNOFILE= the hard one', () => {
  const { artifact, warnings } = parseLines(systemctlShow, CRON, { command: 'systemctl show cron| grep NOFILE' });
  assert.deepEqual(warnings, []);
  const s = artifact.services[0];
  assert.equal(s.service, 'cron');
  assert.deepEqual([s.openFiles?.soft, s.openFiles?.hard, s.openFiles?.ev.line], [1024, 524288, 2]);
});

test('LimitNOFILE= alone (systemd before 240, or -p without the soft one) gives no limit EMFILE is hit at', () => {
  // https://github.com/syncthing/syncthing/issues/5319 (systemd 239)
  const { artifact, warnings } = parseLines(systemctlShow, ['LimitNOFILE=4096'], {
    command: 'systemctl --user show syncthing | grep LimitNOFILE',
  });
  assert.equal(artifact.services[0].hard?.value, 4096);
  assert.equal(artifact.services[0].openFiles, undefined);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].line, 1);
  assert.match(warnings[0].message, /hard limit/);
});

test('infinity, as a word and as the number older systemctl printed, is no limit', () => {
  const word = parseLines(systemctlShow, ['LimitNOFILE=infinity', 'LimitNOFILESoft=infinity'], { command: 'systemctl show k3s' });
  assert.deepEqual([word.artifact.services[0].openFiles?.soft, word.artifact.services[0].openFiles?.hard], [null, null]);
  // https://github.com/systemd/systemd/issues/9205 (CentOS 7, systemd 219)
  const old = parseLines(systemctlShow, ['LimitNOFILE=18446744073709551615'], { command: 'systemctl show docker | grep NOFILE' });
  assert.equal(old.artifact.services[0].hard?.value, null);
});

test('systemctl show with no unit: the manager default, no service', () => {
  // https://github.com/syncthing/syncthing/issues/5319
  const { artifact, warnings } = parseLines(systemctlShow, ['DefaultLimitNOFILE=4096'], {
    command: 'sudo systemctl show -p DefaultLimitNOFILE',
  });
  assert.deepEqual(warnings, []);
  assert.equal(artifact.managerDefault?.hard?.value, 4096);
  assert.deepEqual(artifact.services, []);
});

test('the whole output: the main pid and the unit from its own lines', () => {
  const lines = fixtureLines('sources', 'systemctl-show', 'whole-service.txt');
  assert.equal(winner({ head: lines.slice(0, 60), name: 'out.txt', command: 'systemctl show wibble-webapp' }), 'systemctl-show');
  assert.equal(winner({ head: lines.slice(0, 60), name: 'systemctl-show-wibble-webapp.txt' }), 'systemctl-show');
  // Without a command or a telling name its first 60 lines are just KEY=VALUE: not claimed.
  assert.equal(systemctlShow.detect({ head: lines.slice(0, 60), name: 'out.txt' }), 0);
  const { artifact, warnings } = parseLines(systemctlShow, lines, { file: 'systemctl-show-wibble-webapp.txt' });
  assert.deepEqual(warnings, []);
  const s = artifact.services[0];
  assert.deepEqual([s.unit, s.service, s.mainPid?.pid, s.openFiles?.soft], ['wibble-webapp.service', 'wibble-webapp', 3764255, 1024]);
});

test('several units: a block belongs to the unit its own Id= line names, never to one by its place', () => {
  // Two units print two blocks a blank line apart, as https://github.com/lpil/systemd_status (its
  // parser's documentation and its test decode_double_input_test) reads them.
  const lines = fixtureLines('sources', 'systemctl-show', 'whole-service.txt');
  const noId = lines.filter((l) => !l.startsWith('Id='));
  const both = parseLines(systemctlShow, [...CRON, '', ...lines], { command: 'systemctl show cron wibble-webapp' });
  assert.deepEqual(
    both.artifact.services.map((s) => s.unit),
    ['wibble-webapp.service'],
  );
  assert.equal(both.warnings.length, 1);
  assert.match(both.warnings[0].message, /1 block\(s\) of properties without an Id= line/);
  const none = parseLines(systemctlShow, [...CRON, '', ...noId], { command: "systemctl show 'wibble*'" });
  assert.deepEqual(none.artifact.services, []);
});

test('claimed by content only with a LimitNOFILE key, as systemctl prints it', () => {
  assert.equal(winner({ head: CRON, name: 'out.txt' }), 'systemctl-show');
  assert.equal(winner({ head: CRON, name: 'out.txt', command: 'systemctl show cron| grep NOFILE' }), 'systemctl-show');
  // Other KEY=VALUE files are no service's limits.
  const osRelease = ['PRETTY_NAME="Ubuntu 22.04.4 LTS"', 'NAME="Ubuntu"', 'VERSION_ID="22.04"', 'ID=ubuntu'];
  assert.equal(systemctlShow.detect({ head: osRelease, name: 'os-release' }), 0);
  const env = ['JAVA_OPTS=-Xmx2g', 'PORT=8080', 'MaxConnections=4096'];
  assert.equal(systemctlShow.detect({ head: env, name: 'app.env' }), 0);
  assert.equal(systemctlShow.detect({ head: env, name: 'out.txt' }), 0);
  // A unit file's setting is what was asked for, not what the service got.
  assert.equal(
    systemctlShow.detect({ head: ['LimitNOFILE=65535'], name: 'out.txt', command: 'grep LimitNOFILE /etc/systemd/system/app.service' }),
    0,
  );
  assert.equal(systemctlShow.detect({ head: ['LimitNOFILE=1024:4096'], name: 'out.txt' }), 0);
  assert.equal(systemctlShow.detect({ head: ['[Service]', 'LimitNOFILE=65535'], name: 'out.txt' }), 0);
  assert.equal(systemctlShow.detect({ head: ['LimitNOFILE=65535'], name: 'limits.conf' }), 0);
  // `--value` prints the bare value: the command says whose and which.
  assert.equal(winner({ head: ['1024'], name: 'out.txt', command: 'systemctl show nginx -p LimitNOFILESoft --value' }), 'systemctl-show');
  const bare = parseLines(systemctlShow, ['1024'], { command: 'systemctl show nginx -p LimitNOFILESoft --value' });
  assert.deepEqual([bare.artifact.services[0].openFiles?.soft, bare.artifact.services[0].service], [1024, 'nginx']);
  // Two bare values: which is which is not said.
  assert.equal(
    systemctlShow.detect({ head: ['524288', '1024'], name: 'o', command: 'systemctl show -P LimitNOFILE,LimitNOFILESoft nginx' }),
    0,
  );
});

test('hostile lines: one warning each, naming the line, and no limit from them', () => {
  const long = `LimitNOFILE=${'9'.repeat(200_000)}`;
  const lines = [
    'LimitNOFILE=',
    'LimitNOFILESoft=-1',
    'LimitNOFILESoft=1e6',
    'LimitNOFILESoft=99999999999999999999',
    'LimitNOFILESoft=infinityx',
    long,
    `${'A'.repeat(100_000)}=1`,
    '=1024',
    'LimitNOFILESoft=0',
    'not a property at all',
  ];
  const { artifact, warnings } = parseLines(systemctlShow, lines, { file: 'x.txt', command: 'systemctl show app' });
  assert.deepEqual(artifact.services, []);
  assert.deepEqual(
    warnings.map((w) => w.line),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  );
  assert.ok(warnings.every((w) => w.file === 'x.txt' && w.message.length < 300));
  // A value after a good one for the same unit is the next unit's (a grep drops the blank line): not mixed in.
  const twice = parseLines(systemctlShow, ['LimitNOFILESoft=1024', 'LimitNOFILESoft=4096'], { command: 'systemctl show app' });
  assert.deepEqual(
    twice.artifact.services.map((s) => s.openFiles?.soft),
    [1024, 4096],
  );
});
