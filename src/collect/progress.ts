// Shows each capture as it runs: a live line with elapsed time on a terminal, plain lines otherwise.
import { terminalText } from '../terminal.js';

interface CaptureDone {
  file: string;
  ms: number;
  bytes: number;
  exitCode: number | null;
  problem?: string;
}

export interface Progress {
  start(step: number, of: number, file: string, command: string): void;
  done(d: CaptureDone): void;
  info(message: string): void;
  close(): void;
}

const size = (b: number): string =>
  b < 1024 ? `${b} B` : b < 1 << 20 ? `${(b / 1024).toFixed(1)} KB` : `${(b / (1 << 20)).toFixed(1)} MB`;
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** Commands and file names may carry a process's own name or path: their control characters are shown, not sent. */
const shown = (s: string): string => terminalText(s, { oneLine: true });

function describeDone(d: CaptureDone): string {
  const status = d.problem ? d.problem : d.exitCode === 0 ? 'ok' : `exit ${d.exitCode ?? 'signal'}`;
  return `${d.file}: ${status}, ${size(d.bytes)}, ${secs(d.ms)}`;
}

export function plainProgress(out: NodeJS.WritableStream = process.stderr): Progress {
  return {
    start: (step, of, file, command) => void out.write(`fdleak: [${step}/${of}] ${shown(file)} ← ${shown(command)}\n`),
    done: (d) => void out.write(`fdleak:   ${shown(describeDone(d))}\n`),
    info: (m) => void out.write(`fdleak: ${terminalText(m)}\n`),
    close: () => undefined,
  };
}

function ttyProgress(out: NodeJS.WriteStream = process.stderr): Progress {
  let timer: NodeJS.Timeout | null = null;
  let label = '';
  let started = 0;
  const draw = (): void => {
    const width = (out.columns || 100) - 12;
    out.write(`\r\x1b[K… ${clip(label, width)} ${secs(Date.now() - started)}`);
  };
  const clear = (): void => {
    if (timer) clearInterval(timer);
    timer = null;
    out.write('\r\x1b[K');
  };
  return {
    start(step, of, file, command) {
      label = shown(`[${step}/${of}] ${file} ← ${command}`);
      started = Date.now();
      draw();
      timer = setInterval(draw, 250);
    },
    done(d) {
      clear();
      const mark = d.problem || d.exitCode !== 0 ? '!' : '✓';
      out.write(`${mark} ${shown(describeDone(d))}\n`);
    },
    info(m) {
      const live = timer !== null;
      if (live) out.write('\r\x1b[K');
      out.write(`${terminalText(m)}\n`);
      if (live) draw();
    },
    close: clear,
  };
}

export function autoProgress(): Progress {
  return process.stderr.isTTY ? ttyProgress(process.stderr) : plainProgress(process.stderr);
}
