// The diff for a terminal: the outcome, each conclusion, then the pairs with a suspect in full and
// the others one line each. Every value from a bundle is made one visible line (terminalText); the
// CLI prints the whole through print.ts, which shows any remaining control character.
import { formatNumber as fmt } from '../format.js';
import { terminalText } from '../terminal.js';
import type { DiffResult, ProcessPair, Row, SideProcess, SideSummary, Value } from './result.js';
import { citesOf, signed } from './words.js';
import { interesting, OTHERS_LISTED, pairTitle, roleText, STATUS_MARKS } from './view.js';
import { maxOf } from '../many-values.js';

const one = (s: string): string => terminalText(s, { oneLine: true });

/** Other pairs printed one line each, at most. */

export function formatDiffText(d: DiffResult): string {
  const out: string[] = [];
  out.push(`fdleak diff: A ${one(d.a.input)} → B ${one(d.b.input)}`);
  out.push(...side('A', d.a), ...side('B', d.b));
  out.push('');
  out.push(one(d.conclusion));
  if (d.conclusions.length) {
    out.push('');
    out.push('Conclusions');
    for (const c of d.conclusions) out.push(`  ${STATUS_MARKS[c.status]} ${one(c.text)}${cites(c.a, c.b)}`);
  }
  const [shown, others] = interesting(d.pairs);
  for (const p of shown) out.push('', ...pairBlock(p));
  if (others.length) {
    out.push('', `Other processes (${others.length})`);
    for (const p of others.slice(0, OTHERS_LISTED))
      out.push(
        `  ${one(pairTitle(p))}: ${one(p.match.text)}; open fds ${num(p.rows.find((r) => r.id === 'fds')?.a ?? null)} → ${num(p.rows.find((r) => r.id === 'fds')?.b ?? null)}`,
      );
    if (others.length > OTHERS_LISTED) out.push(`  ... ${others.length - OTHERS_LISTED} more (see --json)`);
  }
  if (d.decide.length) {
    out.push('', 'What would decide (capture it with)');
    for (const m of d.decide) out.push(`  ? ${one(m.what)}`, `      $ ${one(m.command)}`);
  }
  return out.join('\n') + '\n';
}

function side(name: 'A' | 'B', s: SideSummary): string[] {
  const about = [s.title, s.host ? `host ${s.host}` : null, s.capturedAt ? `captured ${s.capturedAt}` : null].filter(
    (x): x is string => !!x,
  );
  return [
    `  ${name}  ${one(s.input)}${about.length ? `  (${one(about.join(', '))})` : ''}`,
    `     ${s.verdict.toUpperCase()}: ${one(s.summary)}`,
  ];
}

function pairBlock(p: ProcessPair): string[] {
  const out = [`${one(pairTitle(p))}: ${one(p.match.text)}`];
  if (p.match.note) out.push(`  note: ${one(p.match.note)}`);
  const cmd = p.a?.facts.cmdline ?? p.b?.facts.cmdline;
  if (cmd)
    out.push(
      `  cmdline  ${one(clip(cmd, 110))}${p.a?.facts.cmdline && p.b?.facts.cmdline && p.a.facts.cmdline !== p.b.facts.cmdline ? `  (B: ${one(clip(p.b.facts.cmdline, 60))})` : ''}`,
    );
  out.push(`  A: ${one(roleOf(p.a))}`, `  B: ${one(roleOf(p.b))}`);
  const label = Math.max(maxOf(p.rows.map((r) => r.label.length)), 10);
  out.push(`  ${''.padEnd(label)}  ${'A'.padStart(10)}  ${'B'.padStart(10)}  ${'change'.padStart(8)}  evidence`);
  for (const r of p.rows) out.push(rowLine(r, label), ...details(r));
  return out;
}

function roleOf(s: SideProcess | null): string {
  return s ? roleText(s) : 'not there';
}

function rowLine(r: Row, width: number): string {
  const change = r.change === null ? '' : signed(r.change);
  const ev = citesOf(r.a, r.b);
  return `  ${r.label.padEnd(width)}  ${num(r.a).padStart(10)}  ${num(r.b).padStart(10)}  ${change.padStart(8)}  ${one(ev.join(', '))}`;
}

/** What a value means when the row's label does not say it (a measure, a series of samples), and why a change is not given. */
function details(r: Row): string[] {
  const out: string[] = [];
  if (r.a?.detail) out.push(`      A: ${one(r.a.detail)}`);
  if (r.b?.detail) out.push(`      B: ${one(r.b.detail)}`);
  if (r.note) out.push(`      ${one(r.note)}`);
  return out;
}

function cites(a: Value | null, b: Value | null): string {
  const ev = citesOf(a, b);
  return ev.length ? `  (${one(ev.join(', '))})` : '';
}

function num(v: Value | null): string {
  return v === null ? '—' : fmt(v.value);
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
