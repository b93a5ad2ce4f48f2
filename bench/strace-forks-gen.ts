// A synthetic scale case for the strace analysis (not a format fixture): one thread leaks a socket
// (no SOCK_CLOEXEC, as in the write-up) after every refused connect while another thread vforks and
// execs a helper every `every` leaks, so every fork happens with tens of thousands of fds open and
// every helper inherits them all. The child's copy of the fd table is what such a capture makes
// expensive. `close-all`: each child closes every fd it inherited, one close a line, before its
// execve, as a JVM's vforked child does (-Djdk.lang.Process.launchMechanism=VFORK).
//   node dist/bench/strace-forks-gen.js OUT.strace [LEAKS=50000] [EVERY=100] [exec|close-all]
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

function clock(t: number): string {
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${(t % 60).toFixed(6).padStart(9, '0')}`;
}

export type ForkChild = 'exec' | 'close-all';

export async function generateForks(
  out: string,
  leaks = 50_000,
  every = 100,
  child: ForkChild = 'exec',
): Promise<{ lines: number; forks: number }> {
  const stream = createWriteStream(out);
  let t = 8 * 3600;
  let lines = 0;
  let forks = 0;
  const line = (s: string) => {
    t += 0.0001;
    lines++;
    return stream.write(`${s.replace('TIME', clock(t))}\n`);
  };
  for (let i = 0; i < leaks; i++) {
    const fd = 10 + i;
    const sock = `${fd}<socket:[${100000 + i}]>`;
    line(`1001 TIME socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = ${sock} <0.000010>`);
    let ok = line(
      `1001 TIME connect(${sock}, {sa_family=AF_INET, sin_port=htons(2280), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused) <0.000020>`,
    );
    if (i % every === 0) {
      const pid = 20000 + forks++;
      line(
        `1002 TIME clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, stack=0x7f0000000000, stack_size=0x9000}, 88) = ${pid} <0.000100>`,
      );
      for (let k = 0; child === 'close-all' && k <= i; k++) {
        if (!line(`${pid} TIME close(${10 + k}<socket:[${100000 + k}]>) = 0 <0.000004>`))
          await new Promise<void>((done) => stream.once('drain', () => done()));
      }
      line(`${pid} TIME execve("/bin/true", ["true"], 0x7ffd00000000 /* 20 vars */) = 0 <0.000200>`);
      ok = line(`${pid} TIME +++ exited with 0 +++`);
    }
    if (!ok) await new Promise<void>((done) => stream.once('drain', () => done()));
  }
  await new Promise<void>((done, fail) => stream.end((e?: Error | null) => (e ? fail(e) : done())));
  return { lines, forks };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const [out, leaks, every, child] = process.argv.slice(2);
  if (!out || (child !== undefined && child !== 'exec' && child !== 'close-all')) {
    console.error('usage: strace-forks-gen OUT.strace [LEAKS=50000] [EVERY=100] [exec|close-all]');
    process.exit(2);
  }
  generateForks(out, Number(leaks ?? 50_000), Number(every ?? 100), (child ?? 'exec') as ForkChild).then((r) =>
    console.log(JSON.stringify(r)),
  );
}
