// macOS Console's copy of the system log (OS X 10.11 and before): `M/D/YY h:mm:ss.mmm AM/PM
// program[pid]: message`, the kernel's own lines as `kernel[0]: `, and XNU's `file: table is full`
// when the host's file table (kern.maxfiles) is full. Real lines: docker/for-mac#686
// (test/accuracy/cases/gh-docker-for-mac-686-kernel-file-table-full-dns).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';
import { logMessage, opensRecord } from '../../src/sources/log-message.js';
import { kernelRecord, syslogSource } from '../../src/sources/log-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const KERNEL = '9/20/16 10:42:51.000 PM kernel[0]: file: table is full';
const DOCKER = '9/20/16 10:42:51.045 PM Docker[13073]: Socket.Datagram.input: bind returned file table overflow';
const WAITING = '9/20/16 10:38:11.680 PM Docker[13074]: Docker is not responding: Get http://./info: EOF: waiting 0.5s';

test('a macOS Console line names its program and pid', () => {
  assert.deepEqual(syslogSource(DOCKER), { program: 'Docker', pid: 13073 });
  assert.deepEqual(syslogSource(WAITING), { program: 'Docker', pid: 13074 });
  assert.equal(logMessage(DOCKER), 'Socket.Datagram.input: bind returned file table overflow');
});

// A 24-hour locale's Console (Tribler/tribler#1557, test/accuracy/cases/gh-tribler-macos-console-dnssd-socketpair-errno24).
const TRIBLER = '12/07/15 13:55:26,120 Tribler[6043]: dnssd_clientstub deliver_request: socketpair failed 24 (Too many open files)';
const QUICKLOOK =
  '12/07/15 13:55:24,665 QuickLookSatellite[6056]: In -[NSApplication(NSQuietSafeQuit) _updateCanQuitQuietlyAndSafely], _LSSetApplicationInformationItem(NSCanQuitQuietlyAndSafely) returned error -50';

test("a 24-hour locale's Console line (D/M/YY, no AM/PM, a comma before the milliseconds) names its program and pid", () => {
  assert.deepEqual(syslogSource(TRIBLER), { program: 'Tribler', pid: 6043 });
  assert.deepEqual(syslogSource(QUICKLOOK), { program: 'QuickLookSatellite', pid: 6056 });
  assert.equal(logMessage(TRIBLER), 'dnssd_clientstub deliver_request: socketpair failed 24 (Too many open files)');
});

test('the process whose 24-hour Console lines say it ran out is the suspect', async () => {
  const lines = [QUICKLOOK, TRIBLER, TRIBLER];
  const r = await analyzeTranscript(`\`\`\`\n${lines.join('\n')}\n\`\`\`\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 6043);
});

test("the kernel's line (pid 0) opens a record but names no process", () => {
  assert.equal(syslogSource(KERNEL), null);
  assert.equal(kernelRecord(KERNEL), true);
  assert.equal(kernelRecord(DOCKER), false);
  assert.equal(opensRecord(KERNEL), true);
  assert.equal(logMessage(KERNEL), 'file: table is full');
});

test("XNU's `file: table is full` is ENFILE; other tables' are not", () => {
  assert.equal(ranOutErrno(KERNEL), 'ENFILE');
  assert.equal(ranOutErrno(DOCKER), 'ENFILE');
  assert.equal(ranOutErrno('nf_conntrack: table full, dropping packet'), null);
  assert.equal(ranOutErrno('proc: table is full'), null);
});

test('a Console paste whose kernel lines outnumber the ENFILE ones is read as a log; the kernel line says where fds ran out', async () => {
  const lines = [WAITING, KERNEL, DOCKER, KERNEL];
  const r = await analyzeTranscript(
    `I see the following in the log file:\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n`,
    'transcript.md',
    new Date('2026-01-01T00:00:00Z'),
  );
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
  assert.equal(r.unownedRanOut?.message, 'file: table is full');
});
