// Scores fdleak against the accuracy corpus: one row per case, expected vs got per field.
// `npm run accuracy` prints the table; accuracy.test.ts compares it with baseline.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { requireEvidence } from '../../src/cli/evidence.js';
import type { AnalysisResult } from '../../src/result.js';
import { ROOT } from '../helpers.js';
import { contradictions } from './consistency.js';

export const CASES_DIR = resolve(ROOT, 'test', 'accuracy', 'cases');
export const FIELDS = ['verdict', 'pid', 'kind', 'tid', 'path', 'message', 'consistent'] as const;
type Field = (typeof FIELDS)[number];

export interface CaseFile {
  title: string;
  origin: 'captured' | 'third-party';
  source: string;
  language: string;
  program?: string;
  input: string;
  kind: string;
  expected: Partial<Record<Field, string | number | null>>;
  /** Why an expectation was changed after it was first written, and from what. */
  revised?: string;
}

interface FieldScore {
  expected: string | number | null;
  got: string | number | null;
  right: boolean;
}

export interface CaseScore {
  id: string;
  origin: CaseFile['origin'];
  kind: string;
  fields: Partial<Record<Field, FieldScore>>;
  /** Its expectation was changed after it was first written (case.json `revised` says why). */
  revised: boolean;
  /** The analysis failed: an input error or a crash. */
  error?: string;
}

export function listCases(): string[] {
  if (!existsSync(CASES_DIR)) return [];
  return readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CASES_DIR, d.name, 'case.json')))
    .map((d) => d.name)
    .sort();
}

export function readCase(id: string): CaseFile {
  return JSON.parse(readFileSync(join(CASES_DIR, id, 'case.json'), 'utf8')) as CaseFile;
}

/** What the analysis says for each scored field; `consistent` lists its contradictions ('' when none). */
function gotOf(r: AnalysisResult): Record<Field, string | number | null> {
  const s = r.suspects[0];
  return {
    consistent: contradictions(r).join('; '),
    verdict: r.verdict,
    // A suspect named without its pid is someone blamed: never the null of "nobody".
    pid: s ? (s.pid ?? `no pid (${s.command})`) : null,
    kind: s ? s.leak.kind : null,
    // The root cause's, else where the lead suspect's fds ran out (an inconclusive verdict has no root cause);
    // with no suspect, where a process the bundle cannot name ran out (the message only).
    tid: r.rootCause?.tid ?? s?.ranOut?.tid ?? null,
    path: r.rootCause?.path ?? s?.ranOut?.path ?? null,
    message: r.rootCause?.message ?? s?.ranOut?.message ?? (s ? null : r.unownedRanOut?.message) ?? null,
  };
}

function judge(field: Field, expected: string | number | null, got: string | number | null): boolean {
  if (field === 'message') return expected === null ? got === null : typeof got === 'string' && got.includes(String(expected));
  return expected === got;
}

async function scoreCase(id: string): Promise<CaseScore> {
  const c = readCase(id);
  const score: CaseScore = { id, origin: c.origin, kind: c.kind, fields: {}, revised: c.revised !== undefined };
  let got: Record<Field, string | number | null>;
  try {
    const { result } = await analyzeBundle(join(CASES_DIR, id, c.input), { now: new Date('2026-01-01T00:00:00Z') });
    // As the CLI does: a bundle in which nothing is recognised is an input error, not a verdict.
    requireEvidence(c.input, result);
    got = gotOf(result);
  } catch (err) {
    score.error = (err as Error).message.split('\n')[0];
    got = { verdict: 'error', pid: null, kind: null, tid: null, path: null, message: null, consistent: 'error' };
  }
  for (const f of FIELDS) {
    // Every case is expected to tell one story.
    if (!(f in c.expected) && f !== 'consistent') continue;
    const expected = f === 'consistent' ? '' : (c.expected[f] ?? null);
    score.fields[f] = { expected, got: got[f], right: judge(f, expected, got[f]) };
  }
  return score;
}

export async function scoreAll(ids = listCases()): Promise<CaseScore[]> {
  const out: CaseScore[] = [];
  for (const id of ids) out.push(await scoreCase(id));
  return out;
}

export function totals(scores: readonly CaseScore[]): { cases: number; casesRight: number; fields: number; fieldsRight: number } {
  let fields = 0;
  let fieldsRight = 0;
  let casesRight = 0;
  for (const s of scores) {
    const fs = Object.values(s.fields);
    fields += fs.length;
    const right = fs.filter((f) => f.right).length;
    fieldsRight += right;
    if (right === fs.length && !s.error) casesRight++;
  }
  return { cases: scores.length, casesRight, fields, fieldsRight };
}

function cell(f: FieldScore | undefined): string {
  if (!f) return '';
  const show = (v: string | number | null) => (v === null ? '-' : String(v).length > 28 ? `${String(v).slice(0, 27)}…` : String(v));
  return f.right ? `✓ ${show(f.got)}` : `✗ ${show(f.got)} (want ${show(f.expected)})`;
}

export function table(scores: readonly CaseScore[]): string {
  const rows = [['case', 'origin', ...FIELDS]];
  for (const s of scores) rows.push([s.id, s.origin, ...FIELDS.map((f) => cell(s.fields[f]))]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
  const t = totals(scores);
  lines.push('', `cases right: ${t.casesRight}/${t.cases}; fields right: ${t.fieldsRight}/${t.fields}`);
  const revised = scores.filter((s) => s.revised).map((s) => s.id);
  if (revised.length) lines.push(`expectations revised after they were written (case.json "revised" says why): ${revised.join(', ')}`);
  for (const s of scores) if (s.error) lines.push(`${s.id}: error: ${s.error}`);
  return lines.join('\n');
}

/** The score as README shows it: totals, and per origin. */
function summaryMarkdown(scores: readonly CaseScore[]): string {
  const rows = [['cases', 'all fields right', 'fields right']];
  for (const origin of ['captured', 'third-party'] as const) {
    const t = totals(scores.filter((s) => s.origin === origin));
    rows.push([`${t.cases} ${origin}`, `${t.casesRight}`, `${t.fieldsRight} / ${t.fields}`]);
  }
  const all = totals(scores);
  rows.push([`${all.cases} in all`, `${all.casesRight}`, `${all.fieldsRight} / ${all.fields}`]);
  const table = rows.map((r, i) => `| ${r.join(' | ')} |${i === 0 ? '\n|---|---|---|' : ''}`).join('\n');
  const revised = scores.filter((s) => s.revised).length;
  return revised
    ? `${table}\n\n${revised} of these expectations were revised after they were written; each case.json says why (\`revised\`).`
    : table;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]).endsWith(join('test', 'accuracy', 'score.js'));
if (isMain) {
  const args = process.argv.slice(2);
  const markdown = args.includes('--markdown');
  const ids = args.filter((a) => !a.startsWith('--'));
  scoreAll(ids.length ? ids : undefined).then((scores) => {
    process.stdout.write(`${markdown ? summaryMarkdown(scores) : table(scores)}\n`);
  });
}
