// What the fuzz suite runs: every parser of src/sources/registry.ts on mutated captures of its own
// kind, and the whole analysis (ingest, model, rules, summary, notebook status, Markdown and, every
// few cases, HTML) on mutated bundles. A case fails when it throws (the CLI's exit 3; an input error
// is exit 2 and fine), or when an output holds NaN, Infinity or "Invalid Date".
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { PARSERS } from '../../../src/sources/registry.js';
import { splitLines } from '../../../src/bundle/lines.js';
import { analyzeBundle } from '../../../src/analysis.js';
import { formatSummary } from '../../../src/cli/summary.js';
import { formatNotebookStatus, notebookSteps } from '../../../src/collect/notebook.js';
import { renderReport } from '../../../src/report/render.js';
import { fixtureCases } from '../../sources/fixture-cases.js';
import { ROOT, fixturePath } from '../../helpers.js';
import { FORBIDDEN, badValues, mutateLines, type Random } from './mutate.js';
import type { SourceParser } from '../../../src/sources/parser.js';

export interface Target {
  name: string;
  /** Runs one case; returns what went wrong (empty: fine). */
  run(r: Random, n: number): Promise<string[]> | string[];
  /** Called once the run is over. */
  close?(): void;
}

/** Real captures of each parser's kind: its fixtures, and for those without, the strace and log fixtures. */
function capturesOf(parser: SourceParser): { lines: string[]; command?: string; name: string }[] {
  const own = fixtureCases()
    .filter((c) => c.parserId === parser.id)
    .map((c) => ({ lines: c.lines, command: c.command, name: c.name }));
  if (own.length) return own;
  const file = (...p: string[]) => ({ lines: splitLines(readFileSync(fixturePath(...p), 'utf8')), name: p[p.length - 1] });
  if (parser.id === 'strace') {
    return [
      file('strace', 'java-cat-leak', 'f-tt-T-y.strace'),
      file('strace', 'java-cat-leak', 'f-ttt.strace'),
      file('strace', 'java-cat-leak', 'f-r.strace'),
      file('strace', 'java-cat-leak', 'stderr.strace'),
      file('strace', 'c-cloexec-race', 'race-f-tt-T-y.strace'),
    ];
  }
  if (parser.id === 'app-log') return [file('strace', 'java-cat-leak', 'cat_20261125.log')];
  throw new Error(`no captures to fuzz the ${parser.id} parser with: add a fixture`);
}

function parserTarget(parser: SourceParser): Target {
  const captures = capturesOf(parser);
  return {
    name: `parser ${parser.id}`,
    run(r) {
      const c = captures[Math.floor(r() * captures.length)];
      const lines = mutateLines(c.lines, r, 6);
      const problems: string[] = [];
      try {
        parser.detect({ head: lines.slice(0, 60), name: c.name, command: c.command });
        const warnings: string[] = [];
        const sink = parser.sink({ file: c.name, command: c.command, warn: (line, m) => warnings.push(`${line ?? ''}: ${m}`) });
        for (const [i, l] of lines.entries()) sink.line(l, i + 1);
        const artifact = sink.end() as unknown as Record<string, unknown>;
        // line-count's "no number" is NaN by contract (null in JSON; the analysis reads records 0).
        const bad = badValues(artifact).filter((b) => !(parser.id === 'line-count' && artifact.records === 0 && b === '$.value = NaN'));
        // A warning that quotes the input may repeat a `NaN` the mutation wrote into it: only one the parser made is a problem.
        const input = lines.join('\n');
        const made = (w: string) => FORBIDDEN.test(w) && !input.includes(FORBIDDEN.exec(w)![0]);
        problems.push(...bad, ...warnings.filter(made).map((w) => `warning: ${w}`));
      } catch (err) {
        problems.push(`threw: ${(err as Error).stack?.split('\n').slice(0, 4).join(' | ')}`);
      }
      return problems.length ? [...problems, `input: ${JSON.stringify(lines.join('\n').slice(0, 4000))}`] : [];
    },
  };
}

/** Every file under `dir`, relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p).map((x) => join(f, x)) : [f];
  });
}

/** The bundles to mutate: the samples, and the write-up (a transcript). */
const BUNDLES = [
  'samples/tomcat-cat-leak',
  'samples/flume-redis-host',
  'samples/java-cat-leak-live',
  'samples/py-healthy-server',
  'test/fixtures/writeup',
];

function analyzeTarget(): Target {
  const work = mkdtempSync(join(tmpdir(), 'fdleak-fuzz-'));
  const copies = BUNDLES.map((b) => {
    const dest = join(work, b.replace(/\//g, '_'));
    cpSync(resolve(ROOT, b), dest, { recursive: true });
    return { dir: dest, files: files(dest).filter((f) => !f.endsWith('README.md')) };
  });
  return {
    name: 'analyze',
    async run(r, n) {
      const bundle = copies[Math.floor(r() * copies.length)];
      const chosen = [
        ...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => bundle.files[Math.floor(r() * bundle.files.length)])),
      ];
      const saved = chosen.map((f) => [f, readFileSync(join(bundle.dir, f))] as const);
      const problems: string[] = [];
      try {
        for (const [f, body] of saved)
          writeFileSync(join(bundle.dir, f), mutateLines(splitLines(body.toString('utf8')), r, 6).join('\n') + '\n');
        const { result, notes } = await analyzeBundle(bundle.dir);
        const outputs: [string, unknown][] = [
          ['result', result],
          ['summary', formatSummary(result)],
          ['notebook status', formatNotebookStatus(bundle.dir, result, notebookSteps(result))],
          ['markdown', await renderReport(result, 'md', { notes: notes?.text })],
        ];
        if (n % 8 === 0) outputs.push(['html', await renderReport(result, 'html', { notes: notes?.text })]);
        for (const [what, out] of outputs) problems.push(...badValues(out, what));
      } catch (err) {
        const e = err as Error;
        if (e.name !== 'InputError' && e.name !== 'UserInputError') problems.push(`threw: ${e.stack?.split('\n').slice(0, 4).join(' | ')}`);
      } finally {
        const mutated = saved.map(
          ([f]) => `${relative(work, join(bundle.dir, f))}: ${JSON.stringify(readFileSync(join(bundle.dir, f), 'utf8').slice(0, 2000))}`,
        );
        for (const [f, body] of saved) writeFileSync(join(bundle.dir, f), body);
        if (problems.length) problems.push(...mutated);
      }
      return problems;
    },
    close: () => rmSync(work, { recursive: true, force: true }),
  };
}

export function targets(): Target[] {
  return [...PARSERS.map(parserTarget), analyzeTarget()];
}
