// A big, realistic `lsof -n` for benchmarks: current lsof's layout (TID TASKCMD columns, every
// fd repeated once per thread), a few hundred processes whose rows are the real rows captured
// in test/fixtures/sources/lsof/host-tid.txt, and one java process holding 65,966 fds of which
// 64,214 are the write-up's `sock ... can't identify protocol` rows (fds >= 10000 printed as
// `*280u`, as lsof does). Synthetic only in scale: every row shape is a captured one.
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';

interface Shape {
  fd: string;
  mode: string;
  type: string;
  device: string;
  size: string;
  node: string;
  name: string;
}

const FIXTURE = new URL('../../test/fixtures/sources/lsof/host-tid.txt', import.meta.url);
const WRITEUP_SOCK: Shape = { fd: '', mode: 'u', type: 'sock', device: '0,6', size: '0t0', node: '', name: "can't identify protocol" };
const COMMANDS = [
  'nginx',
  'sshd',
  'rsyslogd',
  'redis-ser',
  'python3',
  'node',
  'postgres',
  'crond',
  'dockerd',
  'container',
  'systemd-j',
  'chronyd',
];
const TASKS = ['worker', 'VM\\x20Thr', 'GC\\x20Thr', 'C2\\x20Com', 'pool-1-th', 'http-nio-'];
const JAVA_FDS = 65_966;
const JAVA_UNIDENTIFIED = 64_214;

/** Row shapes of one real process: the leaker's own rows in the captured host-tid fixture. */
function capturedShapes(): Shape[] {
  const lines = readFileSync(FIXTURE, 'utf8').split('\n');
  const nameAt = lines[0].indexOf('NAME');
  const rows = lines.slice(1).map((l) => ({ l, w: l.slice(0, nameAt).trim().split(/\s+/) }));
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.w[1], (counts.get(r.w[1]) ?? 0) + 1);
  const pid = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const shapes: Shape[] = [];
  for (const { l, w } of rows) {
    if (w[1] !== pid || w.length < 8 || /^\d+$/.test(w[2])) continue; // thread rows repeat the process's rows
    const [fd, type, device, size, node] = w.slice(-5);
    const m = /^(\d+)([rwu]?)$/.exec(fd);
    shapes.push({ fd: m ? m[1] : fd, mode: m ? m[2] : '', type, device, size, node, name: l.slice(nameAt) });
  }
  return shapes;
}

const W = { command: 9, pid: 7, tid: 7, task: 9, user: 8, fd: 6, type: 7, device: 18, size: 9, node: 9 };

function header(): string {
  return (
    'COMMAND'.padEnd(W.command) +
    ' ' +
    'PID'.padStart(W.pid) +
    ' ' +
    'TID'.padStart(W.tid) +
    ' ' +
    'TASKCMD'.padEnd(W.task) +
    ' ' +
    'USER'.padStart(W.user) +
    ' ' +
    'FD'.padStart(W.fd) +
    '  ' +
    ' ' +
    'TYPE'.padStart(W.type) +
    ' ' +
    'DEVICE'.padStart(W.device) +
    ' ' +
    'SIZE/OFF'.padStart(W.size) +
    ' ' +
    'NODE'.padStart(W.node) +
    ' NAME\n'
  );
}

function row(command: string, pid: number, tid: number | undefined, task: string, user: string, s: Shape, fd: string): string {
  return (
    command.padEnd(W.command) +
    ' ' +
    String(pid).padStart(W.pid) +
    ' ' +
    (tid === undefined ? '' : String(tid)).padStart(W.tid) +
    ' ' +
    (tid === undefined ? '' : task).padEnd(W.task) +
    ' ' +
    user.padStart(W.user) +
    ' ' +
    fd.padStart(W.fd) +
    (s.mode || ' ') +
    ' ' +
    ' ' +
    s.type.padStart(W.type) +
    ' ' +
    s.device.padStart(W.device) +
    ' ' +
    s.size.padStart(W.size) +
    ' ' +
    s.node.padStart(W.node) +
    ' ' +
    s.name +
    '\n'
  );
}

/** lsof's FD column holds 4 digits: fds >= 10000 print as `*` and their last three. */
function lsofFd(fd: number): string {
  return fd >= 10000 ? '*' + String(fd % 1000).padStart(3, '0') : String(fd);
}

/** Writes an lsof of exactly `lines` lines (header included) to `path`. */
export async function generateLsof(path: string, lines: number): Promise<void> {
  const shapes = capturedShapes();
  const fdShapes = shapes.filter((s) => /^\d+$/.test(s.fd) && s.type !== 'sock');
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let written = 0;
  let buf = '';
  const emit = async (s: string) => {
    if (written >= lines) return;
    buf += s;
    written++;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  };
  await emit(header());
  let pid = 1200;
  let inode = 215_137_625;
  const javaShare = Math.floor((lines * 0.7) / JAVA_FDS); // rows of the java process / its fd count
  let proc = 0;
  while (written < lines) {
    pid += 1 + (proc % 7);
    if (proc === 40 && javaShare > 0) {
      await writeJava(pid, javaShare - 1);
    } else {
      const command = COMMANDS[proc % COMMANDS.length];
      const user = proc % 3 === 0 ? 'root' : proc % 3 === 1 ? 'www-data' : 'apps';
      const threads = proc % 20;
      for (let t = -1; t < threads && written < lines; t++) {
        const tid = t < 0 ? undefined : pid + t + 1;
        for (const s of shapes) await emit(row(command, pid, tid, TASKS[t % TASKS.length] ?? '', user, s, s.fd));
      }
      pid += threads;
    }
    proc++;
  }
  out.end(buf);
  await once(out, 'finish');

  async function writeJava(javaPid: number, threads: number) {
    const notFds = shapes.filter((s) => !/^\d+$/.test(s.fd));
    const others = JAVA_FDS - JAVA_UNIDENTIFIED;
    for (let t = -1; t < threads && written < lines; t++) {
      const tid = t < 0 ? undefined : javaPid + t + 1;
      const task = TASKS[t % TASKS.length] ?? '';
      for (const s of notFds) await emit(row('java', javaPid, tid, task, 'nemo', s, s.fd));
      for (let fd = 0; fd < JAVA_FDS && written < lines; fd++) {
        const s = fd >= others ? { ...WRITEUP_SOCK, node: String(inode + fd) } : fdShapes[fd % fdShapes.length];
        await emit(row('java', javaPid, tid, task, 'nemo', s, lsofFd(fd)));
      }
    }
    inode += JAVA_FDS;
  }
}

const HW = { command: 9, pid: 7, user: 8, fd: 6, type: 7, device: 18, size: 9, node: 9 };

/**
 * A whole host's `lsof -n` without thread rows (lsof -K or an older lsof): `processes` processes
 * of `fdsEach` fds each, every row a captured shape. `squeezed`: every run of spaces made one, as
 * a capture pasted into a ticket or a chat arrives.
 */
export async function generateHostLsof(path: string, processes: number, fdsEach: number, squeezed: boolean): Promise<void> {
  const shapes = capturedShapes();
  const notFds = shapes.filter((s) => !/^\d+$/.test(s.fd));
  const fdShapes = shapes.filter((s) => /^\d+$/.test(s.fd));
  const line = (cells: string): string => (squeezed ? cells.replace(/ +/g, ' ').trimStart() : cells);
  const hostRow = (command: string, pid: number, user: string, s: Shape, fd: string): string =>
    line(
      command.padEnd(HW.command) +
        ' ' +
        String(pid).padStart(HW.pid) +
        ' ' +
        user.padStart(HW.user) +
        ' ' +
        fd.padStart(HW.fd) +
        (s.mode || ' ') +
        ' ' +
        s.type.padStart(HW.type) +
        ' ' +
        s.device.padStart(HW.device) +
        ' ' +
        s.size.padStart(HW.size) +
        ' ' +
        s.node.padStart(HW.node) +
        ' ' +
        s.name,
    ) + '\n';
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let buf =
    line(
      'COMMAND'.padEnd(HW.command) +
        ' ' +
        'PID'.padStart(HW.pid) +
        ' ' +
        'USER'.padStart(HW.user) +
        ' ' +
        'FD'.padStart(HW.fd) +
        '  ' +
        'TYPE'.padStart(HW.type) +
        ' ' +
        'DEVICE'.padStart(HW.device) +
        ' ' +
        'SIZE/OFF'.padStart(HW.size) +
        ' ' +
        'NODE'.padStart(HW.node) +
        ' NAME',
    ) + '\n';
  for (let p = 0; p < processes; p++) {
    const pid = 1200 + p * 3;
    const command = COMMANDS[p % COMMANDS.length];
    const user = p % 3 === 0 ? 'root' : p % 3 === 1 ? 'www-data' : 'apps';
    for (const s of notFds) buf += hostRow(command, pid, user, s, s.fd);
    for (let fd = 0; fd < fdsEach; fd++) buf += hostRow(command, pid, user, fdShapes[fd % fdShapes.length], lsofFd(fd));
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}
