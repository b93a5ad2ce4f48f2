// lsof-words reads a row's bytes the way the patterns quoted in it read the decoded row: checked
// word by word on every row of the real lsof captures, as captured and damaged (cut, padded,
// non-ASCII text, Unicode spaces a paste can bring).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { damage, fixtureLines, fixturePath } from '../helpers.js';
import { RowWords, bsdSocketRow, isMiddleWord, isNonFdWord, matchFdWord, tcpStateOf, type FdWord } from '../../src/sources/lsof-words.js';
import { lsofTcpState } from '../../src/sources/fd-kind.js';

const FD_WORD = /^(\*?)(\d{1,15})([rwu-]?)(.?)$/;
const NON_FD_WORD = /^(cwd|rtd|txt|mem|DEL|NOFD|mmap|ltx|jld|pd|tr|v86|Mxx|m86|err|unk|L\d\d)$/;
const MIDDLE_WORD = /^(\d+,\d+|0x[0-9a-f]+|0t\d+|\d+|TCP|UDP|UDPLITE|SCTP|RAW|ICMP|STR)$/;
const SPACES = ['\t', '\u00a0', '\u2003', '\u3000', '\ufeff'];

/** Every row of every lsof capture, then each damaged, then each with one run of spaces made a Unicode space. */
function rows(): string[] {
  const dir = fixturePath('sources', 'lsof');
  const captured = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => fixtureLines('sources', 'lsof', f));
  const spaced = captured.map((l, i) => l.replace(/ +/, SPACES[i % SPACES.length]));
  return [...captured, ...damage(captured, 7), ...spaced].filter((l) => l !== '');
}

/** The words /\S+/g finds, as byte offsets into the row's UTF-8. */
function wordsOf(row: string): [number, number][] {
  return [...row.matchAll(/\S+/g)].map((m) => {
    const from = Buffer.byteLength(row.slice(0, m.index));
    return [from, from + Buffer.byteLength(m[0])];
  });
}

test('RowWords splits a row where /\\S+/g does', () => {
  const w = new RowWords();
  for (const row of rows()) {
    const buf = Buffer.from(row);
    w.reset(buf, 0, buf.length);
    const want = wordsOf(row).slice(0, 11);
    const got: [number, number][] = [];
    for (let k = 0; k < 11 && w.has(k); k++) got.push([w.starts[k], w.ends[k]]);
    assert.deepEqual(got, want, row);
  }
});

test('matchFdWord, isNonFdWord and isMiddleWord agree with their patterns on every word', () => {
  const f: FdWord = { star: false, digitsFrom: 0, digitsTo: 0, mode: 0 };
  let words = 0;
  for (const row of rows()) {
    const buf = Buffer.from(row);
    for (const [from, to] of wordsOf(row)) {
      const word = buf.toString('utf8', from, to);
      const m = FD_WORD.exec(word);
      assert.equal(matchFdWord(buf, from, to, f), m !== null, word);
      if (m) {
        assert.equal(f.star, m[1] === '*', word);
        assert.equal(buf.toString('utf8', f.digitsFrom, f.digitsTo), m[2], word);
        assert.equal(f.mode === 0 ? '' : String.fromCharCode(f.mode), m[3], word);
      }
      assert.equal(isNonFdWord(buf, from, to), NON_FD_WORD.test(word), word);
      assert.equal(isMiddleWord(buf, from, to), MIDDLE_WORD.test(word), word);
      words++;
    }
  }
  assert.ok(words > 5000);
});

test('tcpStateOf reads the state lsofTcpState reads, CLOSE_WAIT and the others', () => {
  const extra = ['x (close-wait)', 'x (ESTAB)', 'x (SYN_SENT)', 'x ()', 'x (', 'x )', '(LISTEN)', 'x (LISTEN) y', 'x (\u00e9)'];
  const states = new Set<string>();
  for (const row of [...rows(), ...extra]) {
    const buf = Buffer.from(row);
    const state = tcpStateOf(buf, 0, buf.length);
    assert.equal(state, lsofTcpState(row), row);
    if (state) states.add(state);
  }
  assert.ok(states.has('CLOSE_WAIT') && states.has('ESTABLISHED') && states.has('UNKNOWN'), [...states].join());
});

test('a word cut out of a longer row is read only inside its bounds', () => {
  const buf = Buffer.from('x 12u3 TCP 0t0 *516u');
  const f: FdWord = { star: false, digitsFrom: 0, digitsTo: 0, mode: 0 };
  assert.equal(matchFdWord(buf, 2, 5, f), true); // "12u" of "12u3"
  assert.equal(f.mode, 'u'.charCodeAt(0));
  assert.equal(isMiddleWord(buf, 7, 9), false); // "TC"
  assert.equal(isMiddleWord(buf, 11, 13), false); // "0t"
  assert.equal(matchFdWord(buf, 15, 20, f) && f.star, true);
});

// Real rows: macOS lsof of proxyee's java (test/accuracy/cases/gh-proxyee-java-macos-lsof-i-self-loop-enfile-zh),
// Linux lsof of jupyter's IPv4 socket (gh-jupyterlab-lsof-wc-2273-eventfd-pieces) and of node's unix
// socket (gh-node-fetch-spawn-getaddrinfo-emfile-lsof-80), whose DEVICE Linux prints as an address too.
test('an internet socket whose DEVICE is a kernel address is a macOS or BSD row; Linux prints a number', () => {
  const mac = 'java    9581 didi  120u  IPv6 0x66767b91b9b00c1d      0t0  TCP localhost:distinct->localhost:53144 (ESTABLISHED)';
  const linux = 'jupyter-l 33954 zhyue   37u     IPv4          558879905      0t0       TCP localhost:42864->localhost:60779 (ESTABLISHED)';
  const unix = 'node       3577 ec2-user   78u     unix 0xffff88007a594400       0t0 10332349 socket';
  assert.equal(bsdSocketRow('IPv6', mac), true);
  assert.equal(bsdSocketRow('IPv4', linux), false);
  assert.equal(bsdSocketRow('unix', unix), false);
  // A row cut before its DEVICE, or a TYPE the row does not hold, says nothing.
  assert.equal(bsdSocketRow('IPv6', 'java    9581 didi  120u  IPv6'), false);
  assert.equal(bsdSocketRow('IPv4', mac), false);
});
