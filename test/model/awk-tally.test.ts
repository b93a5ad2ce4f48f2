// An awk that counts lsof rows per process itself, as `sort | uniq -c` would. Real lines, from
// gh-pscheduler-lsof-awk-per-process-counts (perfsonar/pscheduler#1077):
//   sudo lsof -u pscheduler | awk '$4 ~ /[0-9]+[rwu -].*/{p[$1"\t"$2"\t"$3]=p[$1"\t"$2"\t"$3]+1}END{for (i in p) print p[i],i}' | sort -n | tail
//   4094 scheduler  46908   pscheduler
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpretCount } from '../../src/model/pipeline.js';
import { awkTally } from '../../src/model/awk-tally.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const AWK = `'$4 ~ /[0-9]+[rwu -].*/{p[$1"\\t"$2"\\t"$3]=p[$1"\\t"$2"\\t"$3]+1}END{for (i in p) print p[i],i}'`;
const COMMAND = `sudo lsof -u pscheduler | awk ${AWK} | sort -n | tail`;

test("awk's own count per key is read as uniq -c's, with the condition its rows met", () => {
  assert.deepEqual(awkTally(AWK.slice(1, -1)), { cols: ['1', '2', '3'], filter: { col: '4', pattern: '[0-9]+[rwu -].*' } });
  assert.deepEqual(awkTally('{c[$2]++} END {for (k in c) print c[k], k}'), { cols: ['2'] });
  assert.deepEqual(awkTally('{ n[$1 " " $2] += 1 } END { for (k in n) print n[k] " " k }'), { cols: ['1', '2'] });
  assert.deepEqual(awkTally('NR>1 {++c[$2]} END {for (k in c) print c[k], k}'), { cols: ['2'] });
  assert.deepEqual(awkTally('$5 ~ /a[0-9]/ {c[$2]++} END {for (k in c) print c[k], k}'), {
    cols: ['2'],
    filter: { col: '5', pattern: 'a[0-9]' },
  });
  // Near misses: no END, the key printed before its count, another array printed, no column in the key.
  assert.equal(awkTally('{c[$2]++}'), undefined);
  assert.equal(awkTally('{c[$2]++} END {for (k in c) print k, c[k]}'), undefined);
  assert.equal(awkTally('{c[$2]++} END {for (k in d) print d[k], k}'), undefined);
  assert.equal(awkTally('{c[x]++} END {for (k in c) print c[k], k}'), undefined);
  // netstat's usual tally prints the key first; an array only read is no tally.
  assert.equal(awkTally('NR>2 {++s[$NF]} END {for (k in s) print k, s[k]}'), undefined);
  assert.equal(awkTally('{x = c[$2]} END {for (k in c) print c[k], k}'), undefined);
  assert.equal(awkTally(`{c[$2]++} END {print c[k]} ${'x'.repeat(3000)}`), undefined);
});

test('an lsof tally whose awk keeps rows with an fd number counts fds, per command, pid and user', () => {
  assert.deepEqual(interpretCount(COMMAND), { tool: 'lsof', measure: 'rows-per-key', key: 'command pid user', fdRows: true });
  // Keyed the same but counting every row (cwd, txt, mem too): rows, not fds.
  assert.deepEqual(interpretCount(`lsof -u x | awk '{p[$1" "$2" "$3]++}END{for (i in p) print p[i],i}' | sort -n`), {
    tool: 'lsof',
    measure: 'rows-per-key',
    key: 'command pid user',
  });
});

test('the process at the top of such a tally holds that many fds; its kinds unknown, it stays a candidate', async () => {
  const rows = [
    '20 httpd        169224  pscheduler',
    '26 httpd        189507  pscheduler',
    '107 runner      3342    pscheduler',
    '4094 scheduler  46908   pscheduler',
  ];
  const result = await analyzeTranscript(['```', COMMAND, ...rows, '```', ''].join('\n'), 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 46908);
  assert.equal(result.suspects[0]?.fdCount, 4094);
  const byPid = new Map(result.processes?.map((p) => [p.pid, p]));
  assert.deepEqual([byPid.get(3342)?.command, byPid.get(3342)?.fdCount], ['runner', 107]);
});

test('an awk program of many `++name[` pieces is walked in linear time, and says no tally', () => {
  const program = `{${'+A[+'.repeat(490)}}END{for(i in A) print A[i],i}`;
  assert.equal(awkTally(program), undefined);
  assert.deepEqual(awkTally('{x[$1]=y[$2]+1; ++c[$1]}END{for(k in c) print c[k],k}'), { cols: ['1'] });
});
