// FdEntryList keeps a process's named fds as numbers and bytes: what each accessor reads is what
// the FdEntry of the same entry says, whether the entry came as bytes (lsof) or as strings (lsfd,
// /proc/PID/fd), and an entry's name comes back as it was given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureLines } from '../helpers.js';
import { lsof } from '../../src/sources/lsof.js';
import { lsfd } from '../../src/sources/lsfd.js';
import { procFd } from '../../src/sources/proc-fd.js';
import { parseLines } from '../../src/sources/run.js';
import { FdEntryList, Vocabulary } from '../../src/sources/fd-entries.js';
import { MAX_ENTRIES } from '../../src/sources/fd-holders.js';
import type { FdEntry, FdTableArtifact } from '../../src/sources/artifacts.js';
import type { SourceParser } from '../../src/sources/parser.js';

function holders(parser: SourceParser<FdTableArtifact>, dir: string, variant: string, command?: string) {
  return parseLines(parser, fixtureLines('sources', dir, `${variant}.txt`), { command, file: `${dir}/${variant}.txt` }).artifact.holders;
}

test('each accessor reads what the entry says, for lsof, lsfd and /proc/PID/fd captures', () => {
  const all = [
    ...holders(lsof, 'lsof', 'python-leak-p'),
    ...holders(lsof, 'lsof', 'host-tid'),
    ...holders(lsof, 'lsof', 'writeup-25204'),
    ...holders(lsfd, 'lsfd', 'python-leak'),
    ...holders(procFd, 'proc-fd', 'python-leak', 'ls -l /proc/9969/fd'),
  ];
  let seen = 0;
  for (const h of all) {
    const list = h.entries;
    const objects = [...list];
    assert.equal(objects.length, list.length);
    assert.deepEqual(list.toJSON(), objects);
    for (let i = 0; i < list.length; i++) {
      const e = objects[i];
      assert.deepEqual(list.at(i), e);
      assert.equal(list.fd(i), e.fd);
      assert.equal(list.name(i), e.name);
      assert.equal(list.kind(i), e.kind);
      assert.equal(list.state(i), e.state);
      assert.equal(list.line(i), e.ev.line);
      assert.deepEqual(list.ev(i), e.ev);
      seen++;
    }
  }
  assert.ok(seen > 50);
  const leak = holders(lsof, 'lsof', 'python-leak-p')[0].entries;
  assert.ok([...leak].some((e) => e.state === 'CLOSE_WAIT' && e.mode === 'u' && e.type === 'IPv4'));
  assert.ok([...leak].some((e) => e.kind === 'deleted-file' && e.name.endsWith(' (deleted)')));
  assert.equal(holders(lsof, 'lsof', 'writeup-25204')[0].entries.fd(0), '*516');
});

test('entries given as strings and as bytes read back the same, non-ASCII and long names too', () => {
  const vocabulary = new Vocabulary();
  const strings = new FdEntryList('f', vocabulary, MAX_ENTRIES);
  const bytes = new FdEntryList('f', vocabulary, MAX_ENTRIES);
  const given: FdEntry[] = [
    { fd: '3', kind: 'file', type: 'REG', name: '/var/log/caf\u00e9 \u4e2d.log', mode: 'w', ev: { file: 'f', line: 2 } },
    { fd: '*516', kind: 'socket-unconnected', type: 'sock', name: "can't identify protocol", mode: 'u', ev: { file: 'f', line: 3 } },
    {
      fd: '7',
      kind: 'socket-tcp',
      type: 'IPv4',
      name: 'a:1->b:2 (CLOSE_WAIT)',
      mode: 'u',
      state: 'CLOSE_WAIT',
      ev: { file: 'f', line: 4 },
    },
    { fd: '8', kind: 'pipe', type: 'FIFO', name: '', ev: { file: 'f', line: 5 } },
    { fd: '9', kind: 'file', type: 'REG', name: '/x/'.repeat(400), ev: { file: 'f', line: 6 } },
  ];
  for (const e of given) {
    strings.add(e.fd, e.kind, e.type, e.name, e.mode, e.state, e.ev.line);
    const row = Buffer.from(`${e.fd} ${e.name}`);
    const mode = e.mode === undefined ? -1 : vocabulary.id(e.mode);
    const nameFrom = Buffer.byteLength(e.fd) + 1;
    bytes.addBytes(row, 0, nameFrom - 1, e.kind, vocabulary.id(e.type), mode, nameFrom, row.length, e.state, e.ev.line);
  }
  assert.deepEqual([...strings], given);
  assert.deepEqual([...bytes], given);
});

test('a process keeps its first MAX_ENTRIES named fds and counts them all', () => {
  const header = 'COMMAND PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME';
  const rows = Array.from(
    { length: MAX_ENTRIES + 5 },
    (_, i) => `java    7   nemo ${String(i).padStart(4)}u sock    0,6      0t0    ${1000 + i} protocol: TCP`,
  );
  const h = parseLines(lsof, [header, ...rows]).artifact.holders[0];
  assert.equal(h.fds, MAX_ENTRIES + 5);
  assert.equal(h.entries.length, MAX_ENTRIES);
  assert.equal(h.entries.fd(MAX_ENTRIES - 1), String(MAX_ENTRIES - 1));
  assert.equal(h.entries.line(MAX_ENTRIES - 1), MAX_ENTRIES + 1); // the header is line 1
});
