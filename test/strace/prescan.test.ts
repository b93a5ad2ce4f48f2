// The WebAssembly prescan takes the plain skips and the counted writes of a settled capture: the
// sink's result must be the one it gives reading every line itself (bytes), on every kind of line
// the prescan has a rule for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLineBytes, readLineChunks } from '../../src/bundle/lines.js';
import { createStraceSink } from '../../src/strace/stream.js';
import { prescanState } from '../../src/strace/prescan.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Kinds of line in capture(), one after the other. */
const KINDS = 29;

/** A -f -tt -T -y capture that crosses midnight (at its ~2,000th line), with every shape the prescan decides on. */
function capture(): string {
  const out: string[] = [];
  let t = 23 * 3600 + 59 * 60 + 58; // 23:59:58
  const clock = (s: number) => {
    const d = s % 86400;
    const hh = String(Math.floor(d / 3600)).padStart(2, '0');
    const mm = String(Math.floor((d % 3600) / 60)).padStart(2, '0');
    const ss = String(Math.floor(d % 60)).padStart(2, '0');
    const us = String(Math.round((s % 1) * 1e6)).padStart(6, '0');
    return `${hh}:${mm}:${ss}.${us}`;
  };
  const line = (tid: number, body: string) => {
    t += 0.001037;
    out.push(`${tid}  ${clock(t)} ${body}`);
  };
  line(4783, 'socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 9<socket:[9001]> <0.000020>');
  line(4783, 'openat(AT_FDCWD</srv>, "/var/log/app.log", O_WRONLY|O_APPEND|O_CLOEXEC) = 7</var/log/app.log> <0.000030>');
  for (let i = 0; i < 4000; i++) {
    const tid = 4783 + (i % 5);
    switch (i % KINDS) {
      case 0: line(tid, `write(7</var/log/app.log>, "ERROR line ${i}\\n", 14) = 14 <0.000011>`); break;
      // Cut by -s only once the samples of these writes are full: the prescan sees it first.
      case 1: line(tid, `sendto(9<socket:[9001]>, "ping ${i}"${i > 2000 ? '...' : ''}, 64, MSG_NOSIGNAL, NULL, 0) = 64 <0.000012>`); break;
      case 2: line(tid, `write(11, "no note ${i}", 9) = 9 <0.000010>`); break;
      case 3: line(tid, `write(12<pipe:[77]>, "x = y ${i}", 10) = -1 EAGAIN (Resource temporarily unavailable) <0.000010>`); break;
      case 4: line(tid, 'futex(0x7f00, FUTEX_WAIT_PRIVATE, 0, NULL <unfinished ...>'); break;
      case 5: line(tid, '<... futex resumed>) = 0 <0.000500>'); break;
      case 6: line(tid, `write(7</var/log/app.log>, "resumed ${i}" <unfinished ...>`); break;
      case 7: line(tid, '<... write resumed>) = 12 <0.000020>'); break;
      case 8: out.push(`${tid}  ${clock(t)} recvfrom(9<socket:[9001]>, "pong", 4096, 0, NULL, NULL) = 4 <0.000012>\r`); break;
      case 9: line(tid, 'epoll_wait(5<anon_inode:[eventpoll]>, [], 300, 207) = 0 <0.207356>'); break;
      case 10: line(9876543210, 'futex(0x7f00, FUTEX_WAKE_PRIVATE, 1) = 0 <0.000010>'); break;
      case 11: out.push(`${tid}  garbled-time futex(0x7f00, FUTEX_WAKE_PRIVATE, 1) = 0 <0.000010>`); break;
      case 12: line(tid, `--- SIGCHLD {si_signo=SIGCHLD} ---`); break;
      case 13: line(tid, 'close(13) = -1 EBADF (Bad file descriptor) <0.000010>'); break;
      case 14: line(tid, `sendto(9<socket:[9001]>, "\\"quoted\\" = ${i}", 20, 0, NULL, 0) = 20 <0.000012>`); break;
      case 15: line(tid, 'mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000 <0.000010>'); break;
      case 16: line(tid, 'a_call_name_longer_than_thirty_two_bytes(1) = 0 <0.000010>'); break;
      case 17: line(tid, `write(7</var/log/other.log>, "moved ${i}\\n", 9) = 9 <0.000011>`); break;
      case 18: line(tid + 100, `write(7</var/log/app.log>, "new thread ${i}\\n", 14) = 14 <0.000011>`); break;
      // A call pended on a line whose time the prescan does not read (4 fraction digits): its
      // resumption is the sink's to read, not a call it skips.
      case 20: out.push(`${tid}  ${clock(t).slice(0, -2)} close(7</var/log/app.log> <unfinished ...>`); break;
      case 21: line(tid, '<... close resumed>) = 0 <0.000012>'); break;
      // fd 11's path shows only once its samples are full: the sink must read that line.
      case 19: line(tid, i > 2500 ? `write(11</var/log/late.log>, "late ${i}", 9) = 9 <0.000010>` : `write(11, "early ${i}", 9) = 9 <0.000010>`); break;
      // fcntl and getsockopt calls: only counted, unless they set FD_CLOEXEC, dup an fd or read SO_ERROR.
      case 22: line(tid, 'fcntl(9<socket:[9001]>, F_GETFL) = 0x2 (flags O_RDWR) <0.000010>'); break;
      case 23: line(tid, `fcntl(9<socket:[9001]>, F_SETFD, ${i % 2 ? 'FD_CLOEXEC' : '0'}) = 0 <0.000010>`); break;
      case 24: line(tid, 'fcntl64(9<socket:[9001]>, F_DUPFD_CLOEXEC, 20) = 20<socket:[9001]> <0.000010>'); break;
      case 25: line(tid, 'getsockopt(9<socket:[9001]>, SOL_SOCKET, SO_LINGER, {l_onoff=0, l_linger=0}, [8]) = 0 <0.000010>'); break;
      case 26: line(tid, `getsockopt(9<socket:[9001]>, SOL_SOCKET, SO_ERROR, [${i % 2 ? 'ECONNREFUSED' : '0'}], [4]) = 0 <0.000010>`); break;
      case 27: line(tid, 'fcntl(9<socket:[9001]>, F_GETFD <unfinished ...>'); break;
      case 28: line(tid, '<... fcntl resumed>) = 0x1 (flags FD_CLOEXEC) <0.000010>'); break;
      default: line(tid, 'gettid() = 4783 <0.000005>');
    }
  }
  return out.join('\n') + '\n';
}

/**
 * A file read by a sink fed chunks (through the prescan once the shape settles) or line by line
 * (never through it); `scanned`: the prescan ran meanwhile.
 */
async function readThrough(path: string, how: 'chunk' | 'input' | 'bytes', seam = false) {
  const warnings: [number | undefined, string][] = [];
  const sink = createStraceSink({ file: basename(path), warn: (l, m) => warnings.push([l, m]) }, { seam });
  const before = prescanState().scans;
  const stats = how === 'bytes'
    ? await readLineBytes(path, (b, s, e, n) => sink.bytes!(b, s, e, n))
    // 'input': the file is read straight into the prescan's input, as parseStraceFile reads it.
    : await readLineChunks(path, sink.chunk, { buffers: how === 'input' ? sink.readBuffers() : undefined });
  const parts = sink.seam();
  return { artifact: sink.end(), warnings, stats, seam: parts, scanned: prescanState().scans > before };
}

test('the prescan is built, and a sink loads it (FDLEAK_NO_WASM: the sink does without)', { skip: process.env.FDLEAK_NO_WASM ? 'FDLEAK_NO_WASM is set' : false }, () => {
  createStraceSink({ file: 'x', warn: () => {} }).end();
  assert.equal(prescanState().loaded, true, `dist/prescan.wasm loads (npm run build makes it)`);
});

test('chunks read through the prescan give what reading every line gives', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-prescan-'));
  try {
    const path = join(dir, 'capture.strace');
    writeFileSync(path, capture());
    const bytes = await readThrough(path, 'bytes');
    for (const how of ['chunk', 'input'] as const) {
      const chunk = await readThrough(path, how);
      if (!process.env.FDLEAK_NO_WASM) assert.ok(chunk.scanned, 'the prescan read the chunk');
      assert.deepEqual(chunk.artifact, bytes.artifact, how);
      assert.deepEqual(chunk.warnings, bytes.warnings);
      assert.deepEqual(chunk.stats, bytes.stats);
    }
    // In chunks of 4 KB the prescan counts the writes of pairs whose samples filled in earlier chunks
    // (the capture fits in one 1 MB chunk, which it scans before the sink hands any pair over).
    const small = await readInChunks(path, 4096);
    assert.deepEqual(small.artifact, bytes.artifact, 'chunks of 4 KB');
    assert.deepEqual(small.warnings, bytes.warnings);
    if (!process.env.FDLEAK_NO_WASM) {
      // Another sink cannot read into the input of a prescan a sink holds.
      const holder = createStraceSink({ file: 'a', warn: () => {} });
      assert.ok(holder.readBuffers() !== undefined);
      assert.equal(createStraceSink({ file: 'b', warn: () => {} }).readBuffers(), undefined);
      holder.end();
      const next = createStraceSink({ file: 'c', warn: () => {} });
      assert.ok(next.readBuffers() !== undefined, 'end() lets it go');
      next.end();
    }
    // What the capture holds: the lines, the threads, the writes counted past their samples, the CRs.
    assert.ok(bytes.artifact.lines > 4000);
    assert.ok(bytes.artifact.threads.length >= 10);
    const log = bytes.artifact.writes.find((w) => w.tid === 4783 && w.fd === 7)!;
    assert.ok(log.count > 8 && log.samples.length === 8);
    assert.equal(bytes.stats.crlf, Math.ceil(4000 / KINDS) - (4000 % KINDS > 8 ? 0 : 1));
    const kinds = new Set(bytes.artifact.events.map((e) => e.kind));
    assert.ok(kinds.has('cloexec') && kinds.has('connect'), 'F_SETFD and SO_ERROR lines made events');
    assert.equal(bytes.artifact.shape.truncatedStrings, true);
    assert.equal(bytes.artifact.writes.find((w) => w.tid === 4783 && w.fd === 11)?.path, '/var/log/late.log');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a second part (seam mode) read through the prescan gives what reading every line gives, orphans included', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-prescan-'));
  try {
    // From the middle of a call: resumptions whose start is in the first part come first.
    const lines = capture().split('\n');
    const path = join(dir, 'part2.strace');
    writeFileSync(path, lines.slice(1007).join('\n'));
    const bytes = await readThrough(path, 'bytes', true);
    const chunk = await readThrough(path, 'chunk', true);
    if (!process.env.FDLEAK_NO_WASM) assert.ok(chunk.scanned, 'the prescan read the chunk');
    assert.deepEqual(chunk.artifact, bytes.artifact);
    assert.deepEqual(chunk.seam, bytes.seam);
    assert.ok(bytes.seam.orphans.length > 0, 'the part starts with resumptions of calls it did not see start');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

/**
 * A -f -tt -T -y capture of unfinished writes to fds whose samples are full, which the prescan holds
 * until their resumption, and of every line that makes it hand such a write back to the sink first.
 */
function heldWritesCapture(): string {
  const out: string[] = [];
  let t = 23 * 3600 + 59 * 60 + 59.5; // crosses midnight
  const stamp = () => {
    t += 0.000731;
    const d = t % 86400;
    const hh = String(Math.floor(d / 3600)).padStart(2, '0');
    const mm = String(Math.floor((d % 3600) / 60)).padStart(2, '0');
    const ss = String(Math.floor(d % 60)).padStart(2, '0');
    return `${hh}:${mm}:${ss}.${String(Math.round((d % 1) * 1e6) % 1e6).padStart(6, '0')}`;
  };
  const line = (tid: number, body: string) => out.push(`${tid}  ${stamp()} ${body}`);
  const other = (k: number) => line(900 + (k % 3), 'futex(0x7f00, FUTEX_WAKE_PRIVATE, 1) = 0 <0.000010>');
  const threads = [100, 101, 102, 103];
  // Eight samples each: from then on these pairs' writes are only counted.
  for (const tid of [...threads, ...Array.from({ length: 70 }, (_, k) => 200 + k)]) {
    for (let k = 0; k < 9; k++) {
      line(tid, `write(3</var/log/app.log>, "fill ${k}\\n", 7) = 7 <0.000010>`);
      line(tid, 'write(8<pipe:[5]>, "p", 1) = 1 <0.000010>');
      line(tid, 'write(12, "n", 1) = 1 <0.000010>');
      line(tid, 'write(14</tmp/a>b.log>, "q", 1) = 1 <0.000010>');
    }
  }
  const UNF = 'write(3</var/log/app.log>, "held\\n", 5 <unfinished ...>';
  const stories: [number | 'raw', string][][] = [
    [[0, UNF], [1, '<... write resumed>) = 5 <0.000010>']],
    [[0, UNF], [1, '<... write resumed>) = -1 EPIPE (Broken pipe) <0.000010>']],
    [[0, UNF], [1, '<... read resumed>"x", 1) = 1 <0.000010>']],
    [[0, UNF], [1, '--- SIGPIPE {si_signo=SIGPIPE, si_code=SI_USER} ---'], [1, '<... write resumed>) = 5 <0.000010>']],
    [[0, UNF], [1, 'futex(0x7f00, FUTEX_WAKE_PRIVATE, 1) = 0 <0.000010>'], [1, '<... write resumed>) = 5 <0.000010>']],
    [[0, UNF], ['raw', '901  garbled-time futex(0x7f00, FUTEX_WAKE_PRIVATE, 1) = 0'], [1, '<... write resumed>) = 5 <0.000010>']],
    [[0, UNF], [1, '<... write resumed>) <0.000010>']],
    [[0, UNF], [1, '<... write resumed> = 5 <0.000010>']],
    [[0, UNF], [1, '<... write resumed>)   = 5']],
    [[0, UNF], [1, '<... write resumed>) = 0000000000000012 <0.000010>']],
    [[0, 'write(3</var/log/app.log>, "long"..., 300 <unfinished ...>'], [1, '<... write resumed>) = 300 <0.000010>']],
    [[0, 'write(8<pipe:[5]>, "a\\"b\\\\", 4 <unfinished ...>'], [1, '<... write resumed>) = 4 <0.000010>']],
    [[0, 'write(14</tmp/a>b.log>, "z", 1 <unfinished ...>'], [1, '<... write resumed>) = 1 <0.000010>']],
    [[0, 'write(12</var/log/late.log>, "z", 1 <unfinished ...>'], [1, '<... write resumed>) = 1 <0.000010>']],
    [[0, 'write(3</var/log/app.log>, "open <unfinished ...>'], [1, '<... write resumed>", 5) = 5 <0.000010>']],
    [[0, 'sendto(8<pipe:[5]>, "x", 1, 0, NULL, 0 <unfinished ...>'], [1, '<... sendto resumed>) = 1 <0.000010>']],
    [[0, 'sendto(8<pipe:[5]>, "x", 1, 0, NULL, 0 <unfinished ...>'], [1, '<... write resumed>) = 1 <0.000010>']],
    [[0, 'sendto(8<pipe:[5]>, "x", 1, 0, NULL, 0 <unfinished ...>'], [1, '<... writev resumed>) = 1 <0.000010>']],
    // A line of the thread whose time the prescan cannot read: the sink reads it with the write pending.
    [[0, UNF], ['raw', 'TID  00:00:01.5 <... write resumed>) = 5 <0.000010>']],
    [[0, `write(3</var/log/app.log>, "${'x'.repeat(1100)}", 1100 <unfinished ...>`], [1, '<... write resumed>) = 1100 <0.000010>']],
    [[0, UNF], [1, '+++ exited with 0 +++']],
    // Closes: folded with the create they end, or kept (an fd opened before the capture).
    [[0, 'openat(AT_FDCWD</srv>, "/tmp/x", O_RDONLY) = 20</tmp/x> <0.000010>'], [1, 'close(20</tmp/x> <unfinished ...>'], [1, '<... close resumed>) = 0 <0.000010>']],
    [[0, 'close(30</var/lib/old.db> <unfinished ...>'], [1, '<... close resumed>) = 0 <0.000010>']],
    [[0, 'close(31 <unfinished ...>'], [1, '<... close resumed>) = 0']],
    [[0, 'close(32</tmp/a>b.log> <unfinished ...>'], [1, '<... close resumed>) = 0 <0.000010>']],
    [[0, 'close(33<socket:[77]> <unfinished ...>'], [1, '<... close resumed>) = -1 EBADF (Bad file descriptor) <0.000010>']],
    [[0, 'close(34<socket:[78]> <unfinished ...>'], [1, '<... close resumed>) = 0 <0.000010> = 5']],
    [[0, 'close(35<socket:[79]> <unfinished ...>'], [1, '<... write resumed>) = 0 <0.000010>']],
    [[0, 'close(36<socket:[80]> <unfinished ...>'], [1, '--- SIGCHLD {si_signo=SIGCHLD} ---'], [1, '<... close resumed>) = 0 <0.000010>']],
    [[0, 'close( <unfinished ...>'], [1, '<... close resumed>) = 0 <0.000010>']],
    [[0, 'close(38<socket:[81]> <unfinished ...>'], [1, '<... close resumed>) = 5 <0.000010>']],
    [[0, 'close(39<socket:[82]> <unfinished ...>'], [1, '<... close resumed>) = 0 <0.1 = 2>']],
    [[0, 'close(41<socket:[83]> <unfinished ...>'], [1, '<... close resumed>) = 0 (weird) <0.000010>']],
    [[0, 'close(42<socket:[84]> <unfinished ...>'], [1, '<... close resumed>) = 0x1 <0.000010>']],
    [[0, 'close(37</tmp/\u00e9t\u00e9> <unfinished ...>'], [1, '<... close resumed>) = 0 <0.000010>']],
  ];
  for (let round = 0; round < 6; round++) {
    stories.forEach((story, s) => {
      for (const tid of threads) {
        story.forEach(([step, body], k) => {
          if (step === 'raw') out.push(body.replace('TID', String(tid)));
          else if (step === 1 || k === 0) line(tid, body);
          other(s + k);
        });
      }
    });
    // A close by a task the part has not seen made, of a socket another one opened: the annotation
    // shows they share the fd table (seam mode).
    line(500, `socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 40<socket:[${round}99]> <0.000010>`);
    line(501, 'futex(0x7f01, FUTEX_WAIT_PRIVATE, 0, NULL <unfinished ...>');
    line(501, '<... futex resumed>) = 0 <0.000010>');
    line(501, `close(40<socket:[${round}99]> <unfinished ...>`);
    line(501, '<... close resumed>) = 0 <0.000010>');
    // More threads hold a write at once than the prescan has room for.
    for (let k = 0; k < 70; k++) line(200 + k, UNF);
    for (let k = 0; k < 70; k++) line(200 + k, '<... write resumed>) = 5 <0.000010>');
  }
  // Held at the end of the capture (unfinished there), once each thread's last call is over.
  for (const tid of [100, 101]) {
    line(tid, '<... write resumed>) = 5 <0.000010>');
    line(tid, UNF);
  }
  return out.join('\n') + '\n';
}

/** The file's lines fed to the sink in chunks of whole lines of about `size` bytes; from byte `restAt` (a line start), all in one chunk. */
async function readInChunks(path: string, size: number, seam = false, restAt = Infinity) {
  const warnings: [number | undefined, string][] = [];
  const sink = createStraceSink({ file: basename(path), warn: (l, m) => warnings.push([l, m]) }, { seam });
  const all = readFileSync(path);
  const stats = { lines: 0, bytes: all.length, crlf: 0, binaryHint: false, noFinalNewline: false };
  for (let from = 0; from < all.length;) {
    let to = all.length;
    if (from < restAt) {
      const nl = all.indexOf(10, Math.min(all.length - 1, from + size));
      to = Math.min(nl === -1 ? all.length : nl + 1, restAt);
    }
    sink.chunk(all, from, to, stats.lines + 1, stats);
    from = to;
  }
  // seam() first in seam mode (as the part worker asks); else end() alone, which hands back what is held.
  const parts = seam ? sink.seam() : undefined;
  return { artifact: sink.end(), warnings, stats, seam: parts };
}

test('writes the prescan holds until their resumption give what reading every line gives, whatever the chunks', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-prescan-'));
  try {
    for (const crlf of [false, true]) {
      const text = heldWritesCapture();
      const path = join(dir, `held${crlf ? '-crlf' : ''}.strace`);
      writeFileSync(path, crlf ? text.replaceAll('\n', '\r\n') : text);
      const bytes = await readThrough(path, 'bytes');
      for (const size of [1 << 20, 4096, 300]) {
        const chunk = size === 1 << 20 ? await readThrough(path, 'chunk') : await readInChunks(path, size);
        assert.deepEqual(chunk.artifact, bytes.artifact, `chunks of ${size} bytes${crlf ? ', CRLF' : ''}`);
        assert.deepEqual(chunk.warnings, bytes.warnings);
        assert.deepEqual(chunk.stats, bytes.stats);
      }
      // A chunk too big for the prescan after small ones: the sink reads it line by line, the held writes pended first.
      const fourTimes = join(dir, `held4${crlf ? '-crlf' : ''}.strace`);
      const once = Buffer.from(crlf ? text.replaceAll('\n', '\r\n') : text);
      writeFileSync(fourTimes, Buffer.concat([once, once, once, once]));
      // Cut where ten threads hold a write (a byte offset: the capture is not all ASCII).
      const held = once.indexOf('\n210  ', once.length / 2) + 1;
      const big = await readInChunks(fourTimes, 300, false, once.indexOf('\n', held) + 1);
      const whole = await readThrough(fourTimes, 'bytes');
      assert.deepEqual(big.artifact, whole.artifact, 'a chunk of over 1 MB after small ones');
      // Chunks, then line by line (sink.bytes): the held writes are pended before the first such line.
      const mixed = createStraceSink({ file: basename(fourTimes), warn: () => {} });
      const all = readFileSync(fourTimes);
      const cut = once.indexOf('\n', held) + 1;
      const stats = { lines: 0, bytes: all.length, crlf: 0, binaryHint: false, noFinalNewline: false };
      mixed.chunk(all, 0, cut, 1, stats);
      for (let from = cut, n = stats.lines + 1; from < all.length; n++) {
        const nl = all.indexOf(10, from);
        mixed.bytes!(all, from, nl > from && all[nl - 1] === 13 ? nl - 1 : nl, n);
        from = nl + 1;
      }
      assert.deepEqual(mixed.end(), whole.artifact, 'chunks, then line by line');
      // What the capture holds: counted resumptions, a -s cut seen only in a held write, closes folded
      // and kept, and the writes of 100 and 101 unfinished at the end.
      const log = bytes.artifact.writes.find((w) => w.tid === 100 && w.fd === 3)!;
      assert.ok(log.count > 9 * 2 && log.samples.length === 8);
      assert.equal(bytes.artifact.shape.truncatedStrings, true);
      assert.ok(bytes.artifact.events.some((e) => e.kind === 'close' && e.fd === 32 && e.tid === 100));
      assert.ok((bytes.artifact.foldedPairs[100] ?? 0) > 0);
      assert.equal(bytes.artifact.unfinishedAtEnd, 2);
      // Second parts: the held writes of a thread whose first line in the part is a resumption.
      const lines = text.split('\n');
      for (const at of [1500, 2203, 2911]) {
        const part = join(dir, `part-${at}.strace`);
        writeFileSync(part, lines.slice(at).join(crlf ? '\r\n' : '\n'));
        const b = await readThrough(part, 'bytes', true);
        for (const size of [1 << 20, 300]) {
          const c = await readInChunks(part, size, true);
          assert.deepEqual(c.artifact, b.artifact, `second part from line ${at + 1}, chunks of ${size} bytes`);
          assert.deepEqual(c.seam, b.seam);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a string the prescan counts ends at its first unescaped quote: an escaped one followed by ... is no -s cut', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-prescan-'));
  try {
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) {
      const us = String(100000 + i * 37).padStart(6, '0');
      // The first eight are the pair's samples; the prescan counts the rest.
      lines.push(`4783  10:00:00.${us} write(7</var/log/app.log>, "say \\"...\\" and \\\\\\"... ${i}", 20) = 20 <0.000011>`);
      lines.push(`4783  10:00:00.${us} write(8</var/log/b.log>, "back\\\\", 5) = 5 <0.000011>`);
    }
    const path = join(dir, 'escapes.strace');
    writeFileSync(path, lines.join('\n') + '\n');
    const bytes = await readThrough(path, 'bytes');
    // Small chunks: a pair the sink hands over while the prescan reads a chunk is its to count from the next chunk on.
    const chunk = await readInChunks(path, 400);
    assert.deepEqual(chunk.artifact, bytes.artifact);
    assert.equal(bytes.artifact.shape.truncatedStrings, false);
    assert.equal(bytes.artifact.writes.find((w) => w.fd === 7)?.count, 40);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
