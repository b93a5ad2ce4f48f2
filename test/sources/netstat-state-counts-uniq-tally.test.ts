// A netstat/ss tally of TCP states through `sort | uniq -c`, the count first, is a table of the
// host's connections per state: netstat-state-counts', not count-table's, so a CLOSE_WAIT pile in
// it is said (signalbox#5: 14,698 on :3000). netstat's two header lines, tallied by the same awk
// (`1 established)`, `1 Foreign`, engintron#840), are no keys. A command whose grep or awk pattern may
// have picked a program's rows (`ss -tanp | grep 'pid=6829,'`) stays count-table's, which ties the
// tally to that process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countTable } from '../../src/sources/count-table.js';
import { netstatStateCounts } from '../../src/sources/netstat-state-counts.js';
import { parseLines } from '../../src/sources/run.js';

const SIGNALBOX = "netstat -nap | grep :3000 | awk '{print $6}' | sort -n | uniq -c";
const SIGNALBOX_ROWS = ['  14698 CLOSE_WAIT', '        73 ESTABLISHED', '          1 LISTEN', '', 'Thanks!'];

const ENGINTRON = "netstat -natp | awk '{print $6}' | sort | uniq -c";
const ENGINTRON_ROWS = [
  '     10 CLOSING',
  '      1 established)',
  '   1036 ESTABLISHED',
  '     85 FIN_WAIT1',
  '   2766 FIN_WAIT2',
  '      1 Foreign',
  '     50 LAST_ACK',
  '     46 LISTEN',
  '     20 SYN_RECV',
  '  12248 TIME_WAIT',
];

test('a host-wide netstat state tally through uniq -c outranks count-table', () => {
  const head = SIGNALBOX_ROWS;
  assert.ok(
    netstatStateCounts.detect({ head, name: 'x', command: SIGNALBOX }) > countTable.detect({ head, name: 'x', command: SIGNALBOX }),
  );
  const { artifact, warnings } = parseLines(netstatStateCounts, SIGNALBOX_ROWS, { command: SIGNALBOX });
  assert.deepEqual(artifact.byState, { CLOSE_WAIT: 14698, ESTABLISHED: 73, LISTEN: 1 });
  assert.equal(artifact.variant, 'state-counts');
  assert.deepEqual(warnings, []);
});

test("netstat's header words tallied by awk are no keys and no warnings", () => {
  const head = ENGINTRON_ROWS;
  assert.ok(
    netstatStateCounts.detect({ head, name: 'x', command: ENGINTRON }) > countTable.detect({ head, name: 'x', command: ENGINTRON }),
  );
  const { artifact, warnings } = parseLines(netstatStateCounts, ENGINTRON_ROWS, { command: ENGINTRON });
  assert.equal(artifact.byState.TIME_WAIT, 12248);
  assert.equal(artifact.byState.FIN_WAIT2, 2766);
  assert.equal(Object.keys(artifact.byState).length, 8);
  assert.deepEqual(warnings, []);
});

test("a tally whose grep or awk pattern may pick a program's rows stays count-table's", () => {
  for (const command of [
    "ss -tanp | grep 'pid=6829,' | awk '{print $1}' | sort | uniq -c",
    "ss -p | awk '/tcp.*gpodder/ { print $2}' | sort | uniq -c",
    "ss -ntp | grep influx | awk '{print $1}' | sort | uniq -c",
  ]) {
    const head = ['    507 ESTAB'];
    assert.ok(netstatStateCounts.detect({ head, name: 'x', command }) < countTable.detect({ head, name: 'x', command }), command);
  }
});
