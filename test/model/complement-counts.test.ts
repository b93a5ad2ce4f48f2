// A listing saved to a file and counted whole and through `grep -v` (accuracy round 44, real
// commands from lightningnetwork/lnd#8039): the rows the inverted grep left out are the count of
// what it named — 24,130 lsof rows of lnd, 524 without "protocol: TCPv6", so 23,606 sockets in no
// connection table. The inverted count alone is of every *other* row, never of that kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { complementCounts, countRefs } from '../../src/model/row-counts.js';
import { pidLookup } from '../../src/model/pid-lookups.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const ev = (line: number) => ({ file: 'transcript.md', line });

test('`^lnd$` in a pgrep lookup names the program lnd, the pattern kept as typed for the command that decides', () => {
  assert.deepEqual(pidLookup('lsof -n -p $(pgrep ^lnd$) > /root/lnd_hangs_20230927_lsof.txt'), {
    name: 'lnd',
    by: 'pgrep',
    args: ['^lnd$'],
  });
  assert.deepEqual(pidLookup("ls /proc/$(pgrep -x 'lnd')/fd | wc -l"), { name: 'lnd', by: 'pgrep', args: ['-x', 'lnd'] });
});

test('a whole count and a `grep -v X` count of the same rows give the count of X', () => {
  const whole = { value: 24130, ev: ev(12), basis: 'lsof -n -p $(pgrep ^lnd$) | cat | wc -l', grep: [], tool: 'lsof' };
  const kept = {
    value: 524,
    ev: ev(14),
    basis: 'lsof -n -p $(pgrep ^lnd$) | grep -v "protocol: TCPv6" | wc -l',
    grep: ['!protocol: TCPv6'],
    tool: 'lsof',
  };
  const [derived, ...more] = complementCounts([whole, kept]);
  assert.equal(more.length, 0);
  assert.equal(derived.value, 23606);
  assert.deepEqual(derived.grep, ['protocol: TCPv6']);
  // Cited by both lines it was found from: the `grep -v` count's, then the whole's.
  assert.deepEqual(countRefs(derived), [ev(14), ev(12)]);
  // Not of another command's rows, nor when the kept rows outnumber the whole.
  assert.deepEqual(complementCounts([{ ...whole, basis: 'lsof -n | wc -l' }, kept]), []);
  assert.deepEqual(complementCounts([{ ...whole, value: 100 }, kept]), []);
});

test('the case: lnd (known by its lookup) leaks sockets in no table; a `grep -v "protocol: …"` count alone is no such count', async () => {
  const { result: r } = await analyzeBundle(join(CASES_DIR, 'gh-lnd-lsof-np-pgrep-grep-v-tcpv6-unconnected', 'transcript.md'));
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0]?.leak?.kind, 'socket-unconnected');
  const unconnected = r.suspects[0]?.reasons.find((x) => x.signal === 'unconnected-sockets');
  assert.deepEqual(
    unconnected?.evidence.map((e) => e.line),
    [14, 12],
    'the count by difference cites the `grep -v` count and the whole count',
  );
  const alone = await analyzeTranscript(
    ['```', '$ lsof -n -p 4242 | grep -v "protocol: TCPv6" | wc -l', '524', '```', ''].join('\n'),
    'transcript.md',
  );
  assert.notEqual(alone.suspects[0]?.leak?.kind, 'socket-unconnected');
});
