// Runs in a worker thread (linear-time.test.ts): times each target it is sent (a parser's detect and
// sink, or a function that reads bundle text) on each hostile line at two sizes, and posts each label
// before running it, so a line that never finishes is named.
import { parentPort, workerData } from 'node:worker_threads';
import { PARSERS } from '../../src/sources/registry.js';
import { isMarkdown, splitTranscript } from '../../src/bundle/transcript.js';
import { promptCommand } from '../../src/bundle/prompts.js';
import { sosCommand, sosRelevant } from '../../src/bundle/sosreport.js';
import { parseNotes } from '../../src/report/notes.js';
import { commandPid, interpretCount } from '../../src/model/pipeline.js';
import { words } from '../../src/model/command-segments.js';
import { pidLookup } from '../../src/model/pid-lookups.js';
import { splitPipeline } from '../../src/shell.js';
import { fdCountLoop, loopFormat, loopRowText } from '../../src/sources/proc-fd-count-loop.js';
import { isBareCommand } from '../../src/bundle/known-commands.js';
import { isStderrLine } from '../../src/bundle/stderr-notices.js';
import { instant, wallClock } from '../../src/times.js';
import { escapeHtml, mdCell, mdCode, mdCodeBlock, mdText } from '../../src/report/escape.js';
import { ALL_RUNS, contextOf, type Pump } from './hostile-text.js';
import type { SourceParser } from '../../src/sources/parser.js';
import type { AnalysisResult, ProcessFds } from '../../src/result.js';
import { diffResults } from '../../src/diff/diff.js';
import { formatDiffText } from '../../src/diff/text.js';
import { renderDiffMarkdown } from '../../src/diff/markdown.js';
import { Learner } from '../../src/redact/learn.js';
import { compilePattern } from '../../src/redact/patterns.js';
import { redactText } from '../../src/redact/text.js';

export interface Timing {
  label: string;
  small: number;
  big: number;
}

export interface WorkerInput {
  target: string;
  small: number;
  big: number;
}

/** Everything the bundle reader does with a line: detect it alone, after a real head, as the command and name; parse it. */
function exerciseParser(parser: SourceParser): (line: string) => void {
  const { head, command } = contextOf(parser.id);
  return (line) => {
    parser.detect({ head: [line], name: 'capture.txt' });
    parser.detect({ head: [...head, line], name: line, command: line });
    parser.detect({ head, name: 'capture.txt', command: line });
    const ctx = { file: 'f', command, warn: () => undefined };
    const sink = parser.sink(ctx);
    for (const [i, l] of head.entries()) sink.line(l, i + 1);
    sink.line(line, head.length + 1);
    sink.end();
    const second = parser.sink({ ...ctx, command: line, file: line });
    second.line(line, 1);
    second.end();
  };
}

const REDACT_PATTERNS = [compilePattern('ORDER-[0-9]+')];
/** A map that knows names (a two-word one among them) and a domain, as a bundle's would. */
const REDACT_MAP = (() => {
  const learner = new Learner(REDACT_PATTERNS);
  learner.line('[nemo@tomcat-87 ~]$ ls');
  learner.line('root@web3.corp.example.com:~# id');
  return learner.finish();
})();

/** The functions outside the parsers that read a bundle's text (transcripts, notes, commands, times) or render it. */
export const TEXT_FUNCTIONS: Record<string, (line: string) => void> = {
  transcript: (line) => {
    promptCommand(line);
    isMarkdown([line]);
    splitTranscript(['$ ls', line, `$ ${line}`, line]);
  },
  notes: (line) => {
    parseNotes(line);
    parseNotes(`## ${line}\n${line}`);
  },
  'commands and pipelines': (line) => {
    splitPipeline(line);
    words(line);
    commandPid(line);
    interpretCount(line);
    pidLookup(line);
    fdCountLoop(line);
    loopRowText(line, loopFormat(line) ?? loopFormat(`for p in x; do printf "${line}" $(basename $p) $(ls $p/fd | wc -l); done`));
    isBareCommand(line);
    isStderrLine(`find: ${line}: Permission denied`, line);
  },
  times: (line) => {
    instant(line);
    wallClock(line);
  },
  'report escapes': (line) => {
    escapeHtml(line);
    mdText(line);
    mdCell(line);
    mdCode(line);
    mdCodeBlock([line]);
  },
  sosreport: (line) => {
    sosRelevant(line);
    sosCommand(line);
  },
  'diff renderers': (line) => {
    const d = diffResults(diffSide(line, 'leak'), diffSide(line, 'inconclusive'));
    formatDiffText(d);
    renderDiffMarkdown(d);
  },
  redaction: (line) => {
    const learner = new Learner(REDACT_PATTERNS);
    learner.line(line);
    learner.listingLine(line);
    redactText(line, REDACT_MAP);
  },
};

/** An analysis whose title, command, command line, summary and one citation are the line: A leaks; B is inconclusive, so its summary is quoted. */
function diffSide(line: string, verdict: 'leak' | 'inconclusive'): AnalysisResult {
  const ev = { file: 'f', line: 1 };
  const p: ProcessFds = {
    pid: 1,
    command: line,
    cmdline: line,
    user: null,
    fdCount: 100,
    fdCountMeasure: 'fds',
    fdCountBasis: null,
    fdLimit: 1024,
    fdLimitBasis: null,
    fdLimitAssumed: false,
    kinds: { 'socket-unconnected': 90, file: 10 },
    kindsFrom: 'listing',
    unconnected: { value: 90, evidence: { file: line, line: 1 } },
    closeWait: null,
    growth: null,
    signals: verdict === 'leak' ? ['unconnected-sockets'] : [],
    score: 3,
    evidence: { fdCount: ev, fdLimit: ev, kinds: ev },
  };
  return {
    schema: 'fdleak/analysis@1',
    tool: { name: 'fdleak', version: '0' },
    generatedAt: '0',
    incident: { title: line, ticket: null, host: null, timezone: null, capturedAt: null, input: line },
    verdict,
    confidence: 'high',
    summary: `Inconclusive: ${line}`,
    severity: 'high',
    suspects:
      verdict === 'leak'
        ? [
            {
              pid: 1,
              command: line,
              cmdline: line,
              user: null,
              fdCount: 100,
              fdCountBasis: null,
              fdCountMeasure: 'fds',
              fdLimit: 1024,
              fdLimitBasis: null,
              fdLimitAssumed: false,
              growth: null,
              leak: { kind: 'socket-unconnected', count: 90 },
              threads: [],
              reason: '',
              evidence: [ev],
              confidence: 'high',
              reasons: [{ signal: 'unconnected-sockets', kind: 'socket-unconnected', weight: 3, count: 90, statement: '', evidence: [ev] }],
              decide: [],
              ranOut: null,
            },
          ]
        : [],
    rootCause: null,
    unlistedSuspects: 0,
    caveats: [],
    findings: [],
    steps: [],
    timeline: [],
    remedies: { fix: [], stopGap: [], monitor: [] },
    missing: [{ what: line, command: line }],
    sources: [],
    processes: [p],
  };
}

export function targetOf(name: string): (line: string) => void {
  const parser = PARSERS.find((p) => p.id === name);
  return parser ? exerciseParser(parser) : TEXT_FUNCTIONS[name];
}

/**
 * CPU milliseconds of one call: the process's CPU clock, which the test suite's other processes do
 * not advance (wall time does, and made a linear parser look quadratic on a busy machine). The
 * worker is the only thread of its process at work while it measures.
 */
function time(f: (line: string) => void, pump: Pump, size: number): number {
  const line = pump.line(size);
  const t = process.cpuUsage();
  f(line);
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

/** The fastest of `n` runs: a run slowed by a GC pause or another process says nothing about the code. */
function best(n: number, f: () => number): number {
  let min = Infinity;
  for (let i = 0; i < n; i++) min = Math.min(min, f());
  return min;
}

/**
 * Linear: ten times the text takes about ten times as long. Three times that, plus 50 ms, leaves room
 * for the garbage collector (these parsers allocate per word); the mildest quadratic pattern found
 * here took 70 times as long, an exponential one never ends.
 */
export function linear(small: number, big: number, factor: number): boolean {
  return big <= small * factor * 3 + 50;
}

// Started with `workerData: true` by linear-time.test.ts: times each target it is sent, one after
// another, and posts its timings.
if (parentPort && workerData === true) {
  const port = parentPort;
  port.on('message', ({ target, small, big }: WorkerInput) => {
    const f = targetOf(target);
    const out: Timing[] = [];
    for (const pump of ALL_RUNS) {
      port.postMessage({ running: pump.label });
      let s = time(f, pump, small);
      let b = time(f, pump, big);
      if (!linear(s, b, big / small)) {
        s = best(5, () => time(f, pump, small));
        b = best(5, () => time(f, pump, big));
      }
      out.push({ label: pump.label, small: s, big: b });
    }
    port.postMessage({ done: out });
  });
}
