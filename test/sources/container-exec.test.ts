// Commands run inside a container from the host (accuracy round 20, containers and orchestration):
// `docker exec CTR …`, `kubectl exec POD -- …`, `crictl exec …`. What they run there is read as the
// command; its `/proc/N/` is pid N of the container, never the host's. Command lines as pasted in
// moby/moby#39118 (`docker exec -t <cid> ls /`), k3s-io/k3s#3934 (`k -n influxdb exec -it
// influxdb-0 -- bash`) and the round's brief (`kubectl exec mypod -- ls /proc/1/fd | wc -l`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containerExec, containerPid } from '../../src/sources/container-exec.js';
import { procLimits } from '../../src/sources/proc-limits.js';
import { procFd } from '../../src/sources/proc-fd.js';
import { parseLines } from '../../src/sources/run.js';
import { UNNAMED_PID } from '../../src/sources/artifacts.js';

test('docker / podman / crictl exec: the container and the command run in it', () => {
  assert.deepEqual(containerExec('docker exec web cat /proc/1/limits'), {
    runtime: 'docker',
    target: 'web',
    command: 'cat /proc/1/limits',
  });
  assert.deepEqual(containerExec('docker exec -t <cid> ls /'), { runtime: 'docker', target: '<cid>', command: 'ls /' });
  assert.deepEqual(containerExec('sudo docker exec -u root -it web sh -c "ls /proc/1/fd | wc -l"'), {
    runtime: 'docker',
    target: 'web',
    command: 'ls /proc/1/fd | wc -l',
  });
  assert.equal(containerExec('podman container exec db ls -l /proc/1/fd')?.target, 'db');
  assert.equal(containerExec('crictl exec -s 3f2a9c ls -l /proc/1/fd')?.command, 'ls -l /proc/1/fd');
  // The host's pipeline after it stays: `| wc -l` counts what the command inside printed.
  assert.equal(containerExec('docker exec web ls /proc/1/fd | wc -l')?.command, 'ls /proc/1/fd | wc -l');
});

test('kubectl / oc exec: the pod, its container, the command after `--`', () => {
  assert.deepEqual(containerExec('kubectl exec mypod -- ls /proc/1/fd | wc -l'), {
    runtime: 'kubectl',
    target: 'mypod',
    command: 'ls /proc/1/fd | wc -l',
  });
  assert.deepEqual(containerExec('k -n influxdb exec -it influxdb-0 -- bash'), {
    runtime: 'kubectl',
    target: 'influxdb-0',
    command: 'bash',
  });
  assert.deepEqual(containerExec('kubectl -n prod exec -it api-7d9 -c app -- cat /proc/1/limits'), {
    runtime: 'kubectl',
    target: 'api-7d9',
    container: 'app',
    command: 'cat /proc/1/limits',
  });
  // Older kubectl, without `--`.
  assert.equal(containerExec('kubectl exec mypod ls /proc/1/fd')?.command, 'ls /proc/1/fd');
  assert.equal(containerExec('microk8s kubectl exec web -- ulimit -n')?.target, 'web');
  assert.equal(containerPid('kubectl exec mypod -- ls /proc/1/fd | wc -l')?.pid, 1);
});

test('commands that run on the host are none', () => {
  assert.equal(containerExec('cat /proc/1/limits'), undefined);
  assert.equal(containerExec('docker ps'), undefined);
  assert.equal(containerExec('docker logs web | grep -c "too many open files"'), undefined);
  assert.equal(containerExec('kubectl get pods -n influxdb -w'), undefined);
  assert.equal(containerExec('docker exec web'), undefined);
  assert.equal(containerPid('docker exec web ulimit -n'), undefined);
});

test("a limits table or fd listing read inside a container names no host pid (not the host's pid 1)", () => {
  const limits = [
    'Limit                     Soft Limit           Hard Limit           Units',
    'Max open files            65536                65536                files',
  ];
  const inside = parseLines(procLimits, limits, { command: 'docker exec web cat /proc/1/limits', file: 't.md' });
  assert.equal(inside.artifact.pid, undefined);
  const host = parseLines(procLimits, limits, { command: 'cat /proc/63491/limits', file: 't.md' });
  assert.equal(host.artifact.pid, 63491);
  const listing = [
    'lrwx------ 1 root root 64 Apr 11 00:18 0 -> socket:[1258422909]',
    'l-wx------ 1 root root 64 Apr 11 00:18 1 -> /var/log/app.log',
  ];
  const fd = parseLines(procFd, listing, { command: 'kubectl exec mypod -- ls -l /proc/1/fd', file: 't.md' });
  assert.equal(fd.artifact.holders[0].pid, UNNAMED_PID);
});
