// The diff as Markdown (a ticket comment, a postmortem review): headings, tables and fenced code,
// no HTML. Every value from a bundle goes through the report's escape helpers (src/report/escape.ts).
import { mdCell, mdCode, mdCodeBlock, mdText } from '../report/escape.js';
import type { DiffResult, ProcessPair, Row, Value } from './result.js';
import { citesOf, signed } from './words.js';
import { interesting, OTHERS_LISTED, pairTitle, roleText, sideRows, STATUS_MARKS } from './view.js';

export function renderDiffMarkdown(d: DiffResult): string {
  const out: string[] = [];
  const para = (...lines: string[]) => out.push(lines.join('\n'));
  para(`# fdleak diff: ${mdText(d.a.input)} → ${mdText(d.b.input)}`);
  para(`_Generated ${mdText(d.generatedAt)} by fdleak ${mdText(d.tool.version)} (schema ${d.schema})._`);
  para('## Conclusion');
  para(`**${mdText(d.conclusion)}**`);
  for (const c of d.conclusions) para(`- ${STATUS_MARKS[c.status]} ${mdText(c.text)}${citations(c.a, c.b)}`);
  para('## The two bundles');
  para(
    table(
      ['', 'A', 'B'],
      sideRows(d.a, d.b).map((r) => [r.label, r.a, r.b]),
    ),
  );
  const [shown, others] = interesting(d.pairs);
  for (const p of shown) out.push(...pair(p));
  if (others.length) {
    para('## Other processes');
    para(
      table(
        ['Process', 'Matched', 'Open fds in A', 'Open fds in B'],
        others.slice(0, OTHERS_LISTED).map((p) => {
          const fds = p.rows.find((r) => r.id === 'fds');
          return [pairTitle(p), p.match.text, fds?.a?.value ?? null, fds?.b?.value ?? null];
        }),
      ),
    );
    if (others.length > OTHERS_LISTED) para(`… ${others.length - OTHERS_LISTED} more (see \`--format json\`).`);
  }
  if (d.decide.length) {
    para('## What would decide');
    for (const m of d.decide) para(mdText(m.what), mdCodeBlock([m.command], 'sh'));
  }
  return out.join('\n\n') + '\n';
}

function pair(p: ProcessPair): string[] {
  const out = [`## ${mdText(pairTitle(p))}`];
  out.push(`Matched by: ${mdText(p.match.text)}${p.match.note ? ` (${mdText(p.match.note)})` : ''}`);
  const cmdA = p.a?.facts.cmdline;
  const cmdB = p.b?.facts.cmdline;
  if (cmdA || cmdB)
    out.push(
      cmdA && cmdB && cmdA !== cmdB ? `Command line: A ${mdCode(cmdA)}, B ${mdCode(cmdB)}` : `Command line: ${mdCode((cmdA ?? cmdB)!)}`,
    );
  out.push([`- A: ${mdText(p.a ? roleText(p.a) : 'not there')}`, `- B: ${mdText(p.b ? roleText(p.b) : 'not there')}`].join('\n'));
  out.push(table(['', 'A', 'B', 'Change', 'Evidence'], p.rows.map(row)));
  return out;
}

function row(r: Row): (string | number | null)[] {
  const notes = [r.a?.detail ? `A: ${r.a.detail}` : null, r.b?.detail ? `B: ${r.b.detail}` : null, r.note ?? null].filter(
    (x): x is string => x !== null,
  );
  const label = notes.length ? `${r.label} (${notes.join('; ')})` : r.label;
  const change = r.change === null ? null : signed(r.change);
  return [label, r.a?.value ?? null, r.b?.value ?? null, change, citesOf(r.a, r.b).join(', ')];
}

function citations(a: Value | null, b: Value | null): string {
  const refs = citesOf(a, b);
  return refs.length ? ` _(${refs.map(mdCode).join(', ')})_` : '';
}

function table(headings: string[], rows: (string | number | null)[][]): string {
  const head = `| ${headings.map((h) => (h ? mdText(h) : ' ')).join(' | ')} |`;
  const rule = `|${headings.map(() => '---').join('|')}|`;
  return [head, rule, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n');
}
