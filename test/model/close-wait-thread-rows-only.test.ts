// lsof prints a process's own rows before any thread's (current lsof repeats each fd under every
// TID): a paste of one thread's rows alone is a piece picked out of the listing, which shows none
// of the process's other TCP sockets, so five CLOSE_WAIT rows take no share of them and stay a
// pointer. Rows: Icinga/icinga2#7075 (a commenter's paste, `lsof | grep icinga2 | grep CLOSE`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const ROWS = [
  'icinga2   31848 31935  icinga   55u     IPv4          628258809       0t0        TCP njg-icinga-02:5665->10.60.89.10:44612 (CLOSE_WAIT)',
  'icinga2   31848 31935  icinga   56u     IPv4          628284049       0t0        TCP njg-icinga-02:5665->10.60.89.10:50072 (CLOSE_WAIT)',
  'icinga2   31848 31935  icinga   57u     IPv4          628280004       0t0        TCP njg-icinga-02:5665->10.60.89.10:35834 (CLOSE_WAIT)',
  'icinga2   31848 31935  icinga   58u     IPv4          628283858       0t0        TCP njg-icinga-02:5665->10.60.89.10:45992 (CLOSE_WAIT)',
  'icinga2   31848 31935  icinga   60u     IPv4          628299751       0t0        TCP njg-icinga-02:5665->10.60.89.10:57492 (CLOSE_WAIT)',
];

test("five CLOSE_WAIT rows of one thread alone are no share of the process's sockets: inconclusive", async () => {
  const r = await analyzeTranscript(['```', ...ROWS, '```'], 'transcript.md');
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 31848);
  assert.ok(!r.suspects[0].reasons.some((x) => x.weight >= 3), r.suspects[0].reasons.map((x) => `${x.signal}:${x.weight}`).join(','));
});

test("the same five rows as the process's own (no TID) are every TCP socket shown: decisive", async () => {
  const own = ROWS.map((l) => l.replace('31848 31935 ', '31848       '));
  const r = await analyzeTranscript(['```', ...own, '```'], 'transcript.md');
  const cw = r.suspects[0]?.reasons.find((x) => x.signal === 'close-wait-sockets');
  assert.equal(cw?.weight, 3);
});
