// The analyst's notebook (notes.md in the bundle): free Markdown split into the sections the report
// weaves in. Section headings (level 2, case-insensitive):
//   ## Timeline   ## Impact   ## Step N[: any title]   ## Root cause   ## Actions
// Text before the first `##` is the introduction; any other `##` section is kept under "Other notes".
// A level-1 heading (the notebook's title) is dropped, and so are lines starting with `> fdleak:`: the
// generated starting point that `fdleak notebook init` writes (the report already shows those findings).

import { trimEndChars } from '../text.js';

export interface NotesSections {
  intro: string;
  timeline: string;
  impact: string;
  rootCause: string;
  actions: string;
  steps: Map<number, string>;
  other: { heading: string; body: string }[];
}

const GENERATED = /^>\s?fdleak:/;

function emptyNotes(): NotesSections {
  return { intro: '', timeline: '', impact: '', rootCause: '', actions: '', steps: new Map(), other: [] };
}

export function parseNotes(text: string | null | undefined): NotesSections {
  const notes = emptyNotes();
  if (!text) return notes;
  let heading: string | null = null;
  let body: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    const content = trimBlank(body);
    if (heading === null) notes.intro = content;
    else if (content) place(notes, heading, content);
    body = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1][0];
      else if (f[1][0] === fence) fence = null;
    }
    if (fence === null && (/^#\s/.test(line) || GENERATED.test(line))) continue;
    const h = fence === null ? sectionHeading(line) : null;
    if (h !== null) {
      flush();
      heading = h;
      continue;
    }
    body.push(line);
  }
  flush();
  return notes;
}

/** `## Title ##` → `Title`; null for any other line. (Not `^##\s+(.*?)\s*#*\s*$`: it backtracks.) */
function sectionHeading(line: string): string | null {
  if (!/^##\s/.test(line)) return null;
  return trimEndChars(line.slice(2).trim(), '#').trimEnd();
}

function place(notes: NotesSections, heading: string, content: string): void {
  const step = /^step\s+(\d{1,2})\b/i.exec(heading);
  const key = heading.toLowerCase();
  if (step && +step[1] >= 1 && +step[1] <= 12) {
    const prev = notes.steps.get(+step[1]);
    notes.steps.set(+step[1], prev ? `${prev}\n\n${content}` : content);
  } else if (key === 'timeline') notes.timeline = content;
  else if (key === 'impact') notes.impact = content;
  else if (key === 'root cause') notes.rootCause = content;
  else if (key === 'actions' || key === 'action items') notes.actions = content;
  else notes.other.push({ heading, body: content });
}

function trimBlank(lines: string[]): string {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a].trim() === '') a++;
  while (b > a && lines[b - 1].trim() === '') b--;
  return lines.slice(a, b).join('\n');
}
