// CLOSE_WAIT connections counted per process by a tally of ss -p / netstat -p. Real lines:
// blog-biekanle-java-redis-close-wait (`ss -tanp state close-wait | grep -oP 'pid=\K\d+' | sort |
// uniq -c | sort -rn` → `12000 12345`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeWaitPerPid } from '../../src/model/kind-tallies.js';
import { ref } from '../../src/types.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const row = (count: number, key: string) => ({ count, key, ev: ref('t.md', 1) });

test("ss's tally of CLOSE_WAIT sockets by pid= gives each pid its count", () => {
  const command = "ss -tanp state close-wait | grep -oP 'pid=\\K\\d+' | sort | uniq -c | sort -rn";
  assert.deepEqual(
    closeWaitPerPid(command, [row(12000, '12345')]).map((t) => [t.pid, t.count]),
    [[12345, 12000]],
  );
});

test("netstat's tally by its PID/Program column, and only of CLOSE_WAIT rows", () => {
  const netstat = "netstat -tanp | grep CLOSE_WAIT | awk '{print $7}' | sort | uniq -c | sort -rn";
  assert.deepEqual(
    closeWaitPerPid(netstat, [row(310, '4242/java'), row(3, '977/nginx:')]).map((t) => [t.pid, t.count]),
    [
      [4242, 310],
      [977, 3],
    ],
  );
  // A tally by peer, one of every state, or one of ESTABLISHED rows is no process's CLOSE_WAIT count.
  assert.deepEqual(
    closeWaitPerPid("ss -tan state close-wait | awk '{print $4}' | sort | uniq -c | sort -rn | head", [row(8500, '10.0.0.99:6379')]),
    [],
  );
  assert.deepEqual(closeWaitPerPid("netstat -tanp | awk '{print $7}' | sort | uniq -c", [row(310, '4242/java')]), []);
  assert.deepEqual(closeWaitPerPid("netstat -tanp | grep ESTABLISHED | awk '{print $7}' | sort | uniq -c", [row(310, '4242/java')]), []);
});

test('the case: 12,000 CLOSE_WAIT sockets of pid 12345 make it leak CLOSE_WAIT sockets', async () => {
  const text = readFileSync(join(CASES_DIR, 'blog-biekanle-java-redis-close-wait', 'transcript.md'), 'utf8');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, 12345);
  assert.equal(result.suspects[0]?.leak.kind, 'socket-close-wait');
  assert.equal(result.suspects[0]?.reasons.find((r) => r.signal === 'close-wait-sockets')?.count, 12000);
});
