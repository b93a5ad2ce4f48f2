// A Rust CLI's miette error report that says it ran out is a log line (round 43's real lines, watchexec#257).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { causeChainRanOut } from '../../src/sources/ran-out-shapes.js';

test("miette's cause chain saying EMFILE is read as a log among strace -c's summary (watchexec#257)", () => {
  const lines = [
    "strace -c -f -- watchexec -p -w . --exts md,css -f '*/justfile' -f '*/.env' \"just run\"",
    'strace: Process 328378 attached',
    'strace: Process 328379 attached',
    'Error: watchexec::critical::elevated_runtime',
    '',
    '  × elevated: Native watcher failed to instantiate: Too many open files (os error 24)',
    '  ├─▶ Native watcher failed to instantiate: Too many open files (os error 24)',
    '  ╰─▶ Too many open files (os error 24)',
    '',
    '% time     seconds  usecs/call     calls    errors syscall',
    '------ ----------- ----------- --------- --------- ------------------',
    ' 88,61    0,506172         123      4104       361 futex',
    '  9,98    0,057025       19008         3           epoll_wait',
    '  0,59    0,003371          12       278           sched_yield',
    '  0,36    0,002075          79        26           getdents64',
    '  0,07    0,000403          13        30        30 statx',
    '  0,05    0,000306          11        27           close',
    '  0,05    0,000304          16        19           munmap',
    '  0,04    0,000257           2        91        68 openat',
  ];
  assert.equal(causeChainRanOut(lines[5]), true);
  assert.equal(causeChainRanOut(lines[7]), true);
  assert.ok(appLog.detect({ head: lines, name: 'f' }) > 0);
  // A cause chain that does not say it ran out, and the summary alone, are not.
  assert.equal(causeChainRanOut('  × failed to read config: No such file or directory (os error 2)'), false);
  assert.equal(appLog.detect({ head: lines.slice(9), name: 'f' }), 0);
});
