// A real `sos report` of this machine (trimmed: see test/fixtures/bundles/README.md) taken while
// test/fixtures/programs/py-connect-leak leaked a socket per failed connect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeBundle } from '../../src/analysis.js';
import { fixturePath } from '../helpers.js';

test('a sosreport archive: only the relevant files are read, and the leaking python process is the suspect', async () => {
  const { result } = await analyzeBundle(fixturePath('bundles', 'sosreport-py-leak.tar.xz'));
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.pid, 29300);
  assert.equal(s.command, 'python3');
  assert.equal(s.leak.kind, 'socket-unconnected');
  assert.equal(s.leak.count, 431);
  assert.ok(
    s.evidence.every((e) => e.file.startsWith('sos_commands/') || e.file.startsWith('proc/')),
    JSON.stringify(s.evidence),
  );
  const kinds = new Map(result.sources.map((x) => [x.file, x.kind]));
  assert.equal(kinds.get('sos_commands/process/lsof_-b_M_-n_-l_-c'), 'lsof');
  assert.equal(kinds.get('sos_commands/kernel/sysctl_-a'), 'kernel-files');
  assert.ok(!kinds.has('etc/hostname'), 'irrelevant sos files are not read');
  assert.ok(result.sources.some((x) => x.warnings.some((w) => /not relevant to fd leaks were not read/.test(w))));
  assert.equal(result.findings.find((f) => f.id === 'socket-alloc-gap')?.status, 'fail');
});
