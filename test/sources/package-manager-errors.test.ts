// Package managers' own error reports that say they ran out (round 58's real lines): rpm's
// `error: ` after its progress label, dpkg's reason under its head, apt's `E: `.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { errorReportRanOut, someErrorReportRanOut } from '../../src/sources/error-report-lines.js';

test("rpm's error report after its progress label says it ran out (rpm#1947)", () => {
  const lines = [
    'Verifying...                          ################################# [100%]',
    'Preparing...                          ################################# [100%]',
    'Updating / installing...',
    '   1:breeze-icon-theme-5.91.0-1.fc35  error: failed to open dir usr of /usr/share/icons/breeze/mimetypes/22/: Too many open files',
    '################################# [ 50%]',
    'error: unpacking of archive failed on file /usr/share/icons/breeze/mimetypes/22/text-x-markdown.svg;6220bef9: cpio: open failed - Directory not empty',
    'error: breeze-icon-theme-5.91.0-1.fc35.noarch: install failed',
    'error: breeze-icon-theme-5.90.0-1.fc35.noarch: erase skipped',
  ];
  assert.equal(errorReportRanOut(lines[3]), true);
  assert.equal(errorReportRanOut(lines[5]), false);
  assert.ok(appLog.detect({ head: lines, name: 'f' }) > 0);
  assert.equal(appLog.detect({ head: lines.filter((_, i) => i !== 3), name: 'f' }), 0);
});

test("dpkg's reason indented under its error head says it ran out (gvisor#149)", () => {
  const lines = [
    'Unpacking libc6:amd64 (2.28-8) over (2.28-7) ...',
    'dpkg: error processing archive /var/cache/apt/archives/libc6_2.28-8_amd64.deb (--unpack):',
    " unable to create '/lib/x86_64-linux-gnu/libnss_dns-2.28.so.dpkg-new' (while processing './lib/x86_64-linux-gnu/libnss_dns-2.28.so'): Too many open files",
    'dpkg-deb (subprocess): decompressing archive member: lzma write error: Broken pipe',
    'dpkg-deb: error: <decompress> subprocess returned error exit status 2',
    'Errors were encountered while processing:',
    ' /var/cache/apt/archives/libc6_2.28-8_amd64.deb',
    'E: Sub-process /usr/bin/dpkg returned an error code (1)',
  ];
  assert.equal(errorReportRanOut(lines[2], lines[1]), true);
  assert.equal(errorReportRanOut(lines[2], lines[0]), false);
  assert.equal(someErrorReportRanOut(lines), true);
  assert.ok(appLog.detect({ head: lines, name: 'f' }) > 0);
  // apt's own `E: ` line.
  assert.equal(errorReportRanOut('E: Could not open file /var/lib/dpkg/status - open (24: Too many open files)'), true);
});

test("apt's `E: ` is a level only first on its line (an lws-like stamp before it is not)", () => {
  assert.equal(errorReportRanOut('14:31:02:1068 E: pty_fork: 24 (Too many open files)'), false);
});

// Rust's io::Error printed with {:?} in a program's own error line, among its progress lines
// (dginev/CorTeX#33, test/accuracy/cases/gh-cortex-zmq-dispatcher-rust-os-error-24-ulimit).
test("Rust's io::Error Debug print of EMFILE is the program's report among its other lines", () => {
  const lines = [
    'Incoming sink job 130340 for service "tex_to_html", taskid: 1588123',
    '-- Error TODO: File::create(recv_path): Os { code: 24, kind: Other, message: "Too many open files" }',
    'Incoming sink job 130341 for service "_unknown_", taskid: -1',
  ];
  assert.equal(errorReportRanOut(lines[1]), true);
  assert.equal(errorReportRanOut('Os { code: 24, kind: Uncategorized, message: "Too many open files" }'), true);
  // Another errno, or the words without the Debug print, are not.
  assert.equal(errorReportRanOut('Os { code: 2, kind: NotFound, message: "No such file or directory" }'), false);
  assert.equal(errorReportRanOut('job said Too many open files'), false);
  assert.ok(appLog.detect({ head: lines, name: 'x' }) > 0);
});

// A JSON error document pretty-printed one field a line: goproxy's reply (phuslu/goproxy#1352,
// test/accuracy/cases/gh-goproxy-json-error-socket-emfile).
test("a pretty-printed JSON document's error field is the program's report that it ran out", () => {
  const lines = [
    '{',
    '    "type": "localproxy",',
    '    "host": "[::]:8087",',
    '    "software": "goproxy r1168 (go/devel +1686f8b Thu Dec 1 15:21:26 2016 +0000 linux/amd64)",',
    '    "filter": "*gae.Filter",',
    '    "error": "dial tcp4 58.64.149.17:443: socket: too many open files"',
    '}',
  ];
  assert.equal(errorReportRanOut(lines[5]), true);
  assert.equal(errorReportRanOut('    "reason" : "/data/nodes/0/_state: Too many open files"'), true);
  // Another field, or the field with no exhaustion, is not.
  assert.equal(errorReportRanOut('    "title": "too many open files"'), false);
  assert.equal(errorReportRanOut('    "error": "dial tcp4 58.64.149.17:443: i/o timeout"'), false);
  assert.ok(appLog.detect({ head: lines, name: 'x' }) > 0);
});

test("a load tester's error tally keyed by the errno says it ran out (serverless-artillery#304)", () => {
  // Real lines of artillery's JSON report, with the reporter's `...` elisions.
  const head = [
    '...',
    '"scenariosCreated": 1600,',
    '"scenariosCompleted": 1005,',
    '"requestsCompleted": 36180,',
    '"errors": {"EMFILE": 595},',
    '...',
  ];
  assert.equal(errorReportRanOut(head[4]), true);
  assert.equal(errorReportRanOut('  EMFILE: 595'), true);
  // A count of another error is no such line.
  assert.equal(errorReportRanOut('"errors": {"ETIMEDOUT": 12},'), false);
  assert.equal(appLog.detect({ head, command: undefined } as Parameters<typeof appLog.detect>[0]), 0.35);
});

// error-chain's cause step in the level word's place, under Firefox's mach (its elapsed time first):
// sccache's report when hashing a crate's sources ran out (mozilla/sccache#468,
// test/accuracy/cases/gh-sccache-firefox-mach-hashing-os-error-24).
test("a cause step of an error chain that says it ran out is the tool's report (sccache under mach)", () => {
  const lines = [
    'Compiling style v0.0.1 (/Users/zbraniecki/projects/mozilla-unified/servo/components/style)',
    '1:46.91 dom/debugger',
    '1:56.44 dom/encoding',
    '2:18.57 sccache: encountered fatal error',
    '2:18.57 sccache: error : Failed to open file for hashing: "/Users/zbraniecki/projects/mozilla-unified/servo/components/style/values/specified/ui.rs"',
    '2:18.57 sccache: cause: Failed to open file for hashing: "/Users/zbraniecki/projects/mozilla-unified/servo/components/style/values/specified/ui.rs"',
    '2:18.57 sccache: cause: Too many open files (os error 24)',
    '2:18.78 error: Could not compile `style`.',
  ];
  assert.equal(errorReportRanOut(lines[6]), true);
  assert.equal(errorReportRanOut(lines[5]), false);
  assert.equal(someErrorReportRanOut(lines), true);
  assert.ok(appLog.detect({ head: lines, name: 'f' }) > 0);
  // anyhow's `Caused by:`; the word inside another (`because: `) is no cause step.
  assert.equal(errorReportRanOut('  Caused by: Too many open files (os error 24)'), true);
  assert.equal(errorReportRanOut('it failed because: Too many open files'), false);
});
