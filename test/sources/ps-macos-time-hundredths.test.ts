// macOS's ps prints TIME with hundredths (`0:00.16`): its headerless rows (accuracy round 234), on the
// real lines of microsoft/vscode-python#3546 (`ps x | grep python`, jedi's orphaned workers) and of
// hashicorp/terraform#23615 (`ps aux` rows of provider plugins, the user redacted as NAME).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLines } from '../../src/sources/run.js';
import { ps } from '../../src/sources/ps.js';

const JEDI =
  '/usr/local/Cellar/python/3.7.0/Frameworks/Python.framework/Versions/3.7/Resources/Python.app/Contents/MacOS/Python /Users/david/.vscode/extensions/ms-python.python-2018.11.0/pythonFiles/jedi/evaluate/compiled/subprocess/__main__.py /Users/david/.vscode/extensions/ms-python.python-2018.11.0/pythonFiles 3.7.0';
const PS_X = [`21345   ??  S      0:00.16 ${JEDI}`, `21353   ??  S      0:00.16 ${JEDI}`, `21358   ??  S      0:00.15 ${JEDI}`];
const PS_AUX = [
  'NAME 50063   0.0  0.2  4540824  33576 s000  S+   12:26PM   0:00.21 /Users/NAME/ss/infra_terraform/.terraform/plugins/darwin_amd64/terraform-provider-aws_v2.41.0_x4',
  'NAME 50059   0.0  0.1  4438916  16184 s000  S+   12:26PM   0:00.03 /usr/local/bin/terraform internal-plugin provisioner chef',
];

test('ps x rows whose TIME has hundredths are ps rows, with or without the command', () => {
  assert.ok(ps.detect({ head: PS_X, name: 'transcript.md' }) >= 0.7);
  assert.ok(ps.detect({ head: PS_X, name: 'transcript.md', command: 'ps x | grep python' }) >= 0.9);
  const r = parseLines(ps, PS_X, { command: 'ps x | grep python' });
  assert.deepEqual(r.warnings, []);
  assert.deepEqual(
    r.artifact.processes.map((p) => p.pid),
    [21345, 21353, 21358],
  );
});

test('ps aux rows whose TIME has hundredths are ps rows', () => {
  const r = parseLines(ps, PS_AUX, { command: 'ps aux | grep terraform' });
  assert.deepEqual(r.warnings, []);
  assert.deepEqual(
    r.artifact.processes.map((p) => [p.pid, p.user]),
    [
      [50063, 'NAME'],
      [50059, 'NAME'],
    ],
  );
});

test('a time-of-day with a fraction is not read as TIME when the columns before it do not fit', () => {
  assert.equal(ps.detect({ head: ['2019-12-09T12:33:50.418-0600 [DEBUG] plugin: plugin exited'], name: 'x.log' }), 0);
});
