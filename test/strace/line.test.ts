// parseLine alone: every line shape strace prints, taken from the real captures under
// test/fixtures/strace, and the values it must refuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLine, parseResult, splitCall, splitGluedNote } from '../../src/sources/strace/line.js';

const call = (text: string) => {
  const l = parseLine(text);
  assert.equal(l.kind, 'call', text);
  return l as Extract<ReturnType<typeof parseLine>, { kind: 'call' }>;
};

test('a complete call with pid column, -tt time, -y annotations and -T duration', () => {
  const l = call(
    '8585  18:59:57.748682 connect(26<socket:[37344]>, {sa_family=AF_INET, sin_port=htons(2280), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS (Operation now in progress) <0.000125>',
  );
  assert.deepEqual(l.head, { tid: 8585, bracket: false, time: 18 * 3600 + 59 * 60 + 57.748682, clock: true });
  assert.equal(l.name, 'connect');
  assert.equal(l.args, '26<socket:[37344]>, {sa_family=AF_INET, sin_port=htons(2280), sin_addr=inet_addr("127.0.0.1")}, 16');
  assert.deepEqual(l.result, { value: -1, errno: 'EINPROGRESS', text: '-1 EINPROGRESS (Operation now in progress)', invalid: false });
  assert.equal(l.duration, 0.000125);
  assert.equal(l.fdNoted, true);
  assert.equal(l.unfinished, false);
});

test('results: an annotated fd, a padded count, `?`, hex, and what strace never prints', () => {
  assert.deepEqual(call('5581  03:23:08.064763 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3<socket:[711726]> <0.000047>').result, {
    value: 3,
    note: 'socket:[711726]',
    text: '3<socket:[711726]>',
    invalid: false,
  });
  assert.equal(call('5582  03:23:08.089268 exit_group(0)     = ?').result?.value, undefined);
  assert.deepEqual(parseResult('? ERESTARTSYS (To be restarted if SA_RESTART is set)'), {
    value: undefined,
    errno: 'ERESTARTSYS',
    text: '? ERESTARTSYS (To be restarted if SA_RESTART is set)',
    invalid: false,
  });
  assert.equal(parseResult('0x7f2e3da9c000').value, 0x7f2e3da9c000);
  assert.equal(parseResult('0x1 (flags FD_CLOEXEC)').value, 1);
  assert.equal(parseResult('2 ([{fd=5, revents=POLLIN}])').value, 2);
  for (const bad of ['-0x7fffffff', '-5', '18446744073709551616', '2147483648']) assert.equal(parseResult(bad).invalid, true, bad);
});

test('splitCall takes the last ` = ` after `)`: padding, `=` inside strings, and cut lines', () => {
  assert.deepEqual(splitCall(')              = 223'), { args: '', result: parseResult('223') });
  assert.equal(splitCall('3, "a = b", 5) = 5')?.args, '3, "a = b", 5');
  assert.equal(splitCall('3, "a = b"'), null);
});

test('unfinished and resumed calls, signals, exits, and strace notes', () => {
  const u = call('5582  03:23:08.087401 set_robust_list(0x7f85eb137a20, 24 <unfinished ...>');
  assert.deepEqual([u.unfinished, u.args, u.result, u.duration], [true, '0x7f85eb137a20, 24', undefined, undefined]);
  const r = parseLine('5581  03:23:08.089478 <... wait4 resumed>NULL, 0, NULL) = 5582 <0.002034>');
  assert.deepEqual(r.kind === 'resumed' && [r.name, r.rest, r.duration], ['wait4', 'NULL, 0, NULL) = 5582', 0.002034]);
  const s = parseLine('5581  03:23:08.089501 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=5582} ---');
  assert.deepEqual(s.kind === 'signal' && s.signal, 'SIGCHLD');
  const e = parseLine('5582  03:23:08.089386 +++ exited with 0 +++');
  assert.deepEqual(e.kind === 'exit' && e.detail, 'exited with 0');
  assert.deepEqual(parseLine('[pid  8602] 18:59:57.802347 +++ killed by SIGKILL +++').head, {
    tid: 8602,
    bracket: true,
    time: 18 * 3600 + 59 * 60 + 57.802347,
    clock: true,
  });
  const note = parseLine('strace: Process 8582 attached');
  assert.deepEqual([note.kind, note.head, note.kind === 'other' && note.attached], ['other', undefined, 8582]);
});

test('time columns: -ttt, -r, none; a file per thread has no pid column', () => {
  assert.deepEqual(parseLine('8585  1795633799.890537 close(26) = 0').head, {
    tid: 8585,
    bracket: false,
    time: 1795633799.890537,
    clock: false,
  });
  assert.deepEqual(parseLine('8585       0.000035 close(26) = 0').head, { tid: 8585, bracket: false, time: 0.000035, clock: false });
  assert.deepEqual(parseLine('8585  close(26) = 0').head, { tid: 8585, bracket: false, time: undefined, clock: false });
  assert.deepEqual(parseLine('18:59:57.748682 close(26) = 0').head, {
    tid: undefined,
    bracket: false,
    time: 18 * 3600 + 59 * 60 + 57.748682,
    clock: true,
  });
});

test('a time column that is no time is no line of a thread, and says why', () => {
  for (const t of ['18446744073709551616', '99:99:99.000000', '12:3x:00.000001', '1'.repeat(400)]) {
    const l = parseLine(`8585  ${t} close(26) = 0`);
    assert.equal(l.head, undefined, t);
    assert.match(l.kind === 'other' ? (l.problem ?? '') : '', /no time/, t);
  }
});

test('blank, cut and garbled lines', () => {
  assert.deepEqual(parseLine(''), { kind: 'other', head: undefined, duration: undefined });
  assert.equal(parseLine('8585  18:59:5').head, undefined);
  const g = parseLine('8585  18:59:57.748682 garbage without a paren');
  assert.deepEqual([g.kind, g.head?.tid], ['other', 8585]);
  assert.deepEqual(call('8585  18:59:57.748682 write(3, "cut"...').result, undefined);
});

test('the detach note after the echoed ^C names the traced process (jabberd2/jabberd2#166)', () => {
  // Real line: test/accuracy/cases/gh-jabberd2-c2s-strace-accept-emfile-loop-detached.
  for (const text of ['^Cstrace: Process 9259 detached', 'strace: Process 9259 detached', 'Process 9259 detached']) {
    const note = parseLine(text);
    assert.deepEqual([note.kind, note.head, note.kind === 'other' && note.attached], ['other', undefined, 9259], text);
  }
  const other = parseLine('^Cstrace: Process 9259 exited');
  assert.equal(other.kind === 'other' && other.attached, undefined);
});

test("strace's attach note glued into a forking call's line (strace -f to a terminal) leaves the call's head", () => {
  // c-posix-spawn-refresher-thread-strace-f and py-fork-execv-fionclex-strace-f, as strace 6.1 printed them.
  const glued = splitGluedNote(
    '[pid  3242] 1796636808.271625 clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, stack=0x7f5712f14000, stack_size=0x9000}, 88strace: Process 3449 attached',
  );
  assert.equal(glued?.attached, 3449);
  const l = parseLine(glued!.head);
  assert.equal(l.kind, 'call');
  assert.equal(l.kind === 'call' && l.unfinished, true);
  assert.equal(l.kind === 'call' && l.name, 'clone3');
  assert.equal(
    splitGluedNote(
      '1796636755.227923 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLDstrace: Process 977 attached',
    )?.attached,
    977,
  );
  // A note alone, or after the echoed ^C, is no call's head.
  assert.equal(splitGluedNote('strace: Process 3242 attached with 2 threads'), undefined);
  assert.equal(splitGluedNote('^Cstrace: Process 9259 detached'), undefined);
  assert.equal(splitGluedNote('1.0 write(1, "strace: Process 5 attached", 26) = 26'), undefined);
});
