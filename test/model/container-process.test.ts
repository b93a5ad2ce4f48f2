// A process read inside a container (accuracy round 20): `docker exec web cat /proc/1/limits` and
// `docker exec web ls /proc/1/fd | wc -l` are pid 1 of container web — a process known by where it
// runs, pid null, joined across captures; never the host's pid 1, nor a host process named `web`.
// The limits rows are copied from coreos/bugs#1069 (a container process's limits); the count is ours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupText, pidLookup } from '../../src/model/pid-lookups.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

test('a container lookup: pid 1 in container web, and how to print its host pid', () => {
  const l = pidLookup('docker exec web cat /proc/1/limits');
  assert.deepEqual(l, { name: 'pid 1 in container web', by: 'container', runtime: 'docker', target: 'web', pid: 1 });
  assert.deepEqual(lookupText(l!), {
    namedBy: 'pid 1 in container web, read with `docker exec web …`',
    pidCommand: "docker inspect -f '{{.State.Pid}}' web",
  });
  // A pod's: no command on the host prints it.
  assert.deepEqual(lookupText(pidLookup('kubectl exec mypod -- ls /proc/1/fd | wc -l')!), {
    namedBy: 'pid 1 in pod mypod, read with `kubectl exec mypod …`',
  });
  // `$(pgrep java)` ran in the host's shell: no pid of the container.
  assert.equal(pidLookup('docker exec web ls /proc/$(pgrep java)/fd'), undefined);
});

test("docker exec's limits and count join one process of the container; the host's pid 1 gets nothing", async () => {
  const result = await analyzeTranscript(
    [
      '```',
      '$ ps -p 1 -o pid,comm',
      '  PID COMMAND',
      '    1 systemd',
      '$ docker exec web cat /proc/1/limits',
      'Limit                     Soft Limit           Hard Limit           Units',
      'Max open files            65536                65536                files',
      '$ docker exec web ls /proc/1/fd | wc -l',
      '65530',
      '```',
      '',
    ].join('\n'),
    'transcript.md',
    now,
  );
  const s = result.suspects[0];
  assert.equal(s.pid, null);
  assert.equal(s.namedBy, 'pid 1 in container web, read with `docker exec web …`');
  assert.equal(s.pidCommand, "docker inspect -f '{{.State.Pid}}' web");
  assert.equal(s.fdCount, 65530);
  assert.equal(s.fdLimit, 65536);
  assert.equal(
    result.suspects.some((x) => x.pid === 1),
    false,
  );
});
