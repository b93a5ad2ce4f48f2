// Starts test/fixtures/programs/py-connect-leak/leak.py and stops it by its pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fixturePath } from '../helpers.js';

export interface Leaker {
  pid: number;
  port: number;
  logDir: string;
  child: ChildProcess;
  alive(): boolean;
  stop(): Promise<void>;
}

/** A loopback port with nothing listening: connects to it are refused. */
function closedPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolvePort(port));
    });
  });
}

function openFds(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return -1;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** How long python3 may take to start on a loaded machine (a shared CI runner, a full suite beside other work). */
const START_SECONDS = 30;

/** Starts the leaker and waits until it holds at least `minFds` fds. */
export async function startLeaker(logDir: string, intervalSeconds: number, minFds: number): Promise<Leaker> {
  const port = await closedPort();
  const child = spawn('python3', [fixturePath('programs', 'py-connect-leak', 'leak.py'), logDir, String(port), String(intervalSeconds)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // A leaker that never said it was ready is killed: left running, its test file never ends.
  const pid = await new Promise<number>((resolvePid, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /ready (\d+)/.exec(out);
      if (m) resolvePid(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`leaker exited early (${code})`)));
    setTimeout(() => reject(new Error(`leaker did not start in ${START_SECONDS} s`)), START_SECONDS * 1000).unref();
  }).catch((e: unknown) => {
    child.kill('SIGKILL');
    throw e;
  });
  for (let i = 0; i < 200 && openFds(pid) < minFds; i++) await sleep(50);
  return {
    pid,
    port,
    logDir,
    child,
    alive: () => isAlive(pid),
    async stop() {
      if (!isAlive(pid)) return;
      process.kill(pid, 'SIGTERM');
      for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(50);
    },
  };
}
