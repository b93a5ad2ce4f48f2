// A loop that counts one kind of a process's rows each second, while a background job runs
// (LearnBoost/cluster#106): `ab … & for((i=0;i<=10;i++)) do sleep 1; lsof -p 12598 | grep unix -c; done;`.
// Its numbers are paced samples of pid 12598's unix rows — a part of its fds —, the job's lines among them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fdCountSamples, grepCountWord } from '../../src/sources/fd-count-samples.js';
import { parseLines } from '../../src/sources/run.js';

const COMMAND =
  'ab -v 0 -d -S -c 10 -n 10000 http://127.0.0.1:3000/ & for((i=0;i<=10;i++)) do sleep 1; lsof -p 12598 | grep unix -c; done;';
const OUTPUT = [
  '[2] 12608',
  'Benchmarking 127.0.0.1 (be patient)',
  '34',
  '58',
  '85',
  '110',
  '136',
  'Completed 1000 requests',
  '160',
  '188',
  '212',
  'apr_socket_recv: Connection reset by peer (54)',
  'Total of 1597 requests completed',
  '[1]-  Exit 1                  nohup node error.js',
  '[2]+  Exit 54                 ab -v 0 -d -S -c 10 -n 10000 http://127.0.0.1:3000/',
];

test('a grep -c count loop beside a background job: paced samples of one kind of rows', () => {
  assert.equal(grepCountWord(COMMAND), 'unix');
  assert.ok(fdCountSamples.detect({ head: OUTPUT, name: 'x', command: COMMAND }) >= 0.8);
  const { artifact } = parseLines(fdCountSamples, OUTPUT, { command: COMMAND });
  assert.deepEqual(
    artifact.samples.map((s) => [s.at, s.total]),
    [
      ['+0s', 34],
      ['+1s', 58],
      ['+2s', 85],
      ['+3s', 110],
      ['+4s', 136],
      ['+5s', 160],
      ['+6s', 188],
      ['+7s', 212],
    ],
  );
  assert.ok(artifact.samples.every((s) => s.pid === 12598 && s.grep === 'unix' && s.rows === true));
});

test('without the background job, the loop still needs its numbers to be nearly all its lines', () => {
  const loop = 'for((i=0;i<=10;i++)) do sleep 1; lsof -p 12598 | grep unix -c; done;';
  assert.ok(fdCountSamples.detect({ head: ['34', '58', '85', '110'], name: 'x', command: loop }) >= 0.8);
  assert.equal(fdCountSamples.detect({ head: OUTPUT, name: 'x', command: loop }), 0);
  assert.equal(grepCountWord('lsof -p 1 | grep unix'), undefined);
  assert.equal(grepCountWord("ls -l /proc/1/fd | grep -c 'pipe'"), 'pipe');
});
