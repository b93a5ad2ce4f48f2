// Captures with every line shape the WebAssembly prescan decides on (prescan.test.ts, pipeline.test.ts).

/** Kinds of line in capture(), one after the other. */
export const KINDS = 29;

/** A -f -tt -T -y capture that crosses midnight (at its ~2,000th line), with every shape the prescan decides on. */
export function capture(): string {
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
 * A -f -tt -T -y capture of unfinished writes to fds whose samples are full, which the prescan holds
 * until their resumption, and of every line that makes it hand such a write back to the sink first.
 */
export function heldWritesCapture(): string {
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
