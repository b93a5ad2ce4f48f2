// `fdleak notebook init`: the notes.md an analyst starts from. Its `##` headings are the ones the
// report weaves in (see notes.ts): Timeline, Impact, "Step N: title" for each step 1-11, Root cause,
// Actions. Generated findings are quoted as `> fdleak: ...` lines, which the report skips, so an
// untouched notebook adds nothing twice; write your own text below them (or drop the prefix to keep one).
import type { AnalysisResult, Finding } from '../result.js';
import { STEPS } from '../steps.js';
import { oneLine } from '../text.js';

export function notebookTemplate(result: AnalysisResult): string {
  const out: string[] = [];
  const title = result.incident.title ?? result.incident.input;
  out.push(`# Notebook: ${oneLine(title)}`, '');
  out.push('Free Markdown. The report places each `##` section next to the matching part of the postmortem.');
  out.push('Lines starting with `> fdleak:` are generated and are not repeated in the report.', '');
  out.push(generated(`verdict ${result.verdict}, severity ${result.severity}: ${result.summary}`), '');

  out.push('## Timeline', '');
  const times = result.sources.filter((s) => s.capturedAt).map((s) => `${s.capturedAt} captured ${s.command ?? s.file}`);
  if (result.incident.capturedAt) times.unshift(`${result.incident.capturedAt} bundle captured`);
  for (const t of times.slice(0, 12)) out.push(generated(t));
  out.push('', '- HH:MM first alert / first "Too many open files" seen by users', '- HH:MM ...', '');

  out.push('## Impact', '', 'Who was affected, for how long, and how it was noticed.', '');

  for (const step of STEPS.filter((s) => s.step <= 11)) {
    out.push(`## Step ${step.step}: ${step.title}`, '');
    const findings = result.findings.filter((f) => f.step === step.step);
    if (findings.length === 0) out.push(generated(`no evidence in the bundle (${step.question})`));
    for (const f of findings) out.push(generated(findingLine(f)));
    out.push('');
  }

  out.push('## Root cause', '');
  out.push(generated(result.rootCause ? result.rootCause.statement : 'not established by the analysis'), '');

  out.push(
    '## Actions',
    '',
    '- [ ] Fix: close the fd on every error path (owner, ticket)',
    '- [ ] Stop-gap: ...',
    '- [ ] Monitor: `alloc - inuse` from /proc/net/sockstat and per-process fd counts against their limits',
    '',
  );
  return out.join('\n');
}

function findingLine(f: Finding): string {
  const tag = f.status === 'missing-evidence' ? 'missing' : f.status;
  const cmd = f.status === 'missing-evidence' && f.command ? ` Capture: ${f.command}` : '';
  return `[${tag}] ${f.title}. ${f.detail}${cmd}`;
}

function generated(text: string): string {
  return `> fdleak: ${oneLine(text)}`;
}
