// A live listing of the standard streams alone is no evidence of health; valgrind's fds open at exit
// are. Real outputs: status-im/nimbus-eth2#2984 (an `lsof -p 130` the paste cut after fd 1),
// openpmix/openpmix#746 (valgrind --track-fds: 3 open at exit, all inherited stdio), and
// w7corp/easywechat#2057 (one `netstat -p` row of a worker: a socket count, no fd numbers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

const analyze = async (id: string) => (await analyzeBundle(join(CASES_DIR, id, 'transcript.md'))).result;

test('a listing of fds 0 and 1 shows nothing of what the process does: inconclusive, saying so', async () => {
  const r = await analyze('gh-nimbus-macos-lsof-p-130-excerpt-few-files');
  assert.equal(r.verdict, 'inconclusive');
  assert.match(r.summary, /the listing of pid 130 shows its standard streams alone \(2 fds\), nothing of what it does/);
});

test("valgrind's stdio alone open at exit is health: the rest was closed", async () => {
  const r = await analyze('gh-openpmix-valgrind-inherited-stdio-negative');
  assert.equal(r.verdict, 'no-leak');
});

test('a uniq -c tally of grep-picked lsof rows (`1 20285`) is no listing of standard streams', async () => {
  // Graylog2/graylog2-server#1391: `lsof | grep ESTABLISHED | awk '{print $2}' | sort | uniq -c`.
  const r = await analyze('gh-graylog-lsof-established-tally-vs-netstat');
  assert.equal(r.verdict, 'inconclusive');
  assert.doesNotMatch(r.summary, /standard streams alone/);
  assert.match(r.summary, /no capture lists a process's fds in full by kind/);
});

test('one netstat -p row of a process is no listing of its standard streams: it shows no fd number', async () => {
  // w7corp/easywechat#2057: `tcp 32 0 192.168.0.152:35530 210.22.240.140:443 CLOSE_WAIT 20466/ai:worker0`.
  const r = await analyze('gh-easywechat-yii2-worker-netstat-one-close-wait-443');
  assert.equal(r.verdict, 'inconclusive');
  assert.doesNotMatch(r.summary, /standard streams/);
  assert.match(r.summary, /no capture lists a process's fds in full by kind/);
});
