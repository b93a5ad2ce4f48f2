// The guided notebook: which investigation steps a bundle already supports, what it found, and
// the next capture to make (a single command `notebook capture` can run and file). Pure.
import type { AnalysisResult, Finding, StepResult } from '../result.js';
import { fdCountText } from '../format.js';
import { sh, shellJoin, shellWord, simpleArgv } from '../shell.js';
import { terminalText } from '../terminal.js';

/** A value from the bundle on one line of the status: a newline in it cannot fake a line of its own. */
const one = (s: string): string => terminalText(s, { oneLine: true });

export interface StepStatus {
  step: number;
  title: string;
  /** The analysis's answer, the same the report shows. */
  status: StepResult['status'];
  /** Bundle files the step's findings cite. */
  files: string[];
  /** What would give the step its evidence, and the command that captures it. */
  lacking: { what: string; command: string }[];
  findings: Pick<Finding, 'id' | 'status' | 'title' | 'detail'>[];
}

export function notebookSteps(result: AnalysisResult): StepStatus[] {
  return result.steps.map((s) => {
    const findings = result.findings.filter((f) => f.step === s.step);
    return {
      step: s.step,
      title: s.title,
      status: s.status,
      files: [...new Set(findings.flatMap((f) => f.evidence.map((e) => e.file)))],
      lacking: s.missing,
      findings: findings.map(({ id, status, title, detail }) => ({ id, status, title, detail })),
    };
  });
}

export interface NextCapture {
  step: number;
  title: string;
  what: string;
  /** The capture as the report shows it. */
  command: string;
  /** The same, filed into the bundle by `fdleak notebook capture`. */
  notebook: string;
}

/** The first capture, in investigation order, that the bundle still lacks. */
export function nextCapture(bundle: string, steps: readonly StepStatus[]): NextCapture | null {
  for (const s of steps) {
    const l = s.lacking[0];
    if (!l || s.status === 'evidence' || s.status === 'not-needed') continue;
    return { step: s.step, title: s.title, what: l.what, command: l.command, notebook: notebookCommand(bundle, s.step, l.command) };
  }
  return null;
}

/** The command without a trailing ` # hint` (one with no quote after its `#`). Read in code: as a pattern it is quadratic on long blank runs. */
function withoutHint(command: string): string {
  const lastQuote = Math.max(command.lastIndexOf("'"), command.lastIndexOf('"'));
  const hint = /\s#\s/g;
  hint.lastIndex = lastQuote + 1;
  const m = hint.exec(command);
  return m ? command.slice(0, m.index).trimEnd() : command;
}

/** `CMD > FILE` (a plain file name): the command and the file; null when the line ends otherwise. */
function trailingRedirect(line: string): { run: string; file: string } | null {
  const at = line.lastIndexOf('>');
  if (at === -1) return null;
  const file = line.slice(at + 1).trim();
  return /^[A-Za-z0-9._-]+$/.test(file) ? { run: line.slice(0, at).trimEnd(), file } : null;
}

/**
 * A capture as `fdleak notebook capture` runs it (in the bundle, stdout filed): the hint after
 * `#` dropped, one trailing `> FILE` made the file's name, and a line that needs a shell run by sh.
 */
function notebookCommand(bundle: string, step: number, command: string): string {
  const line = withoutHint(command);
  const redirect = trailingRedirect(line);
  // The redirect is the whole line's only when what precedes it is one command or one loop.
  const whole = redirect && (simpleArgv(redirect.run) !== null || /^(for|while) .*; done$/s.test(redirect.run));
  const run = whole ? redirect.run : line;
  const name = whole ? redirect.file : null;
  const argv = simpleArgv(run);
  const head = name ?? (argv ? null : `step-${step}.txt`);
  return `${sh`fdleak notebook capture ${bundle}`}${head ? sh` --name ${head}` : ''} -- ${argv ? shellJoin(argv) : `sh -c ${shellWord(run)}`}`;
}

const MARK: Record<Finding['status'], string> = { fail: '✗', pass: '✓', info: '·', 'missing-evidence': '?', error: '!' };

const STATUS: Record<StepResult['status'], string> = { evidence: '[x]', partial: '[~]', missing: '[ ]', 'not-needed': '[-]' };

export function formatNotebookStatus(bundle: string, result: AnalysisResult, steps: readonly StepStatus[]): string {
  const out: string[] = [];
  out.push(`Bundle ${one(bundle)}: ${result.verdict.toUpperCase()} — ${one(result.summary)}`);
  const s = result.suspects[0];
  if (s) out.push(`Suspect: pid ${s.pid} ${one(s.command)}${s.fdCount !== null ? `, ${fdCountText(s.fdCount, s.fdCountMeasure)}` : ''}`);
  out.push('', '[x] has its evidence  [~] partly  [ ] missing  [-] not needed', '');
  for (const st of steps) {
    const head = `${String(st.step).padStart(2)}. ${STATUS[st.status]} ${st.title}`;
    out.push(st.files.length ? `${head}  (${one(st.files.slice(0, 4).join(', '))}${st.files.length > 4 ? ', …' : ''})` : head);
    for (const f of st.findings) out.push(`      ${MARK[f.status]} ${one(f.title)}: ${one(f.detail)}`);
    for (const l of st.lacking) out.push(`      needs ${one(l.what)}: ${one(l.command)}`);
  }
  if (result.rootCause) {
    out.push('');
    out.push(`Root cause: ${one(result.rootCause.statement)}`);
  }
  const next = nextCapture(bundle, steps);
  out.push('');
  if (next) {
    out.push(`Next capture (step ${next.step}, ${next.title.toLowerCase()}: ${one(next.what)}):`);
    out.push(`  ${one(next.notebook)}`);
  } else {
    out.push(`Every step the verdict needs has its evidence. Next: ${sh`fdleak report ${bundle} --format html`}`);
  }
  return out.join('\n') + '\n';
}
