// The report's view model: what the templates and the Markdown writer lay out, as view.ts builds
// it from the analysis result.
import type { AnalysisResult, Detail, FindingStatus, Rich } from '../result.js';

export type ChartKind = Extract<Detail, { type: 'chart' }>['chart'];

export interface ExcerptView {
  type: 'excerpt';
  caption: string | null;
  file: string;
  command: string | null;
  lines: { line: number; text: string; highlight: boolean; gapBefore: boolean }[];
  more: number;
}
interface TableView {
  type: 'table';
  caption: string | null;
  headings: string[];
  /** Which columns hold numbers (right-aligned). */
  numeric: boolean[];
  /** Which columns hold only short words (file:line, a date and time): broken at spaces only. */
  word: boolean[];
  rows: { cells: string[]; highlight: boolean }[];
  more: number;
}
interface ArithmeticView {
  type: 'arithmetic';
  caption: string | null;
  steps: { label: string; expression: string; value: string; evidence: string }[];
}
interface TimelineView {
  type: 'timeline';
  caption: string | null;
  events: TimelineEventView[];
  more: number;
}
export interface ChartView {
  type: 'chart';
  caption: string | null;
  chart: ChartKind;
  data: Record<string, unknown>[];
}
interface ListView {
  type: 'list';
  caption: string | null;
  items: string[];
}
/** The lines a finding cites that no excerpt of it shows: one block, each line with its file. */
export interface LinesView {
  type: 'lines';
  lines: { cite: string; text: string; command: string | null }[];
  more: number;
}
export type DetailView = ExcerptView | TableView | ArithmeticView | TimelineView | ChartView | ListView | LinesView;

interface TimelineEventView {
  time: string;
  label: string;
  /** A command shown as code after the label. */
  code: string;
  thread: string;
  evidence: string;
}

export interface FindingView {
  id: string;
  status: FindingStatus;
  statusLabel: string;
  severity: string;
  title: string;
  /** Our sentence, its code spans marked (values from the bundle inside stay text). */
  detail: Rich;
  /** A finding that passed says so in a line: no tables, no method. */
  brief: boolean;
  details: DetailView[];
  /** Markdown: why this matters (the rule's method). */
  why: string | null;
  citations: string[];
  /** For missing evidence. */
  command: string | null;
}

export interface StepView {
  step: number;
  title: string;
  question: string;
  /** Has evidence / partial / missing, as the analysis says (the same `notebook status` shows). */
  evidence: string;
  status: FindingStatus;
  findings: FindingView[];
  /** The lesson is in the appendix: a link to it. */
  hasLesson: boolean;
  notes: string | null;
}

export interface MissingStepView {
  step: number | null;
  title: string;
  what: string;
  commands: string[];
}

export interface ReportView {
  title: string;
  /** What a redacted report replaced (a banner under the title); null for a plain one. */
  redacted: string | null;
  generatedAt: string;
  toolVersion: string;
  summary: {
    verdict: AnalysisResult['verdict'];
    verdictLabel: string;
    confidence: string | null;
    severity: string;
    sentence: Rich;
    rows: { label: string; value: string }[];
    rootCause: { label: string; statement: string } | null;
    caveats: Rich[];
    reasons: { weight: string; statement: Rich; cites: string }[];
    /** The other leaking processes (leak), or the other processes to look at (inconclusive). */
    /** A candidate without a pid shows a dash, and how the bundle names it beside its command. */
    candidates: { pid: number | string; command: string; confidence: string; kind: string; reason: Rich }[];
    /** How many suspects there are beyond the candidates shown (the result's unlisted ones among them). */
    moreCandidates: number;
    decide: { what: string; command: string }[];
    /** The lines the strong and decisive reasons quote, one excerpt per file. */
    evidence: ExcerptView[];
  };
  meta: { label: string; value: string }[];
  intro: string | null;
  impact: string | null;
  timeline: { events: TimelineEventView[]; more: number; notes: string | null };
  steps: StepView[];
  missing: MissingStepView[];
  /** The captures the result says would settle the lead suspect's case (its decide commands), in any verdict. */
  suspectCaptures: string[];
  rootCause: {
    known: boolean;
    label: string;
    statement: string;
    /** When the root cause is unknown: the capture that would find it. */
    capture: string | null;
    facts: { label: string; value: string }[];
    excerpts: ExcerptView[];
    notes: string | null;
  };
  remedies: { fix: Rich[]; stopGap: Rich[]; monitor: Rich[]; notes: string | null };
  /** The method, step by step (teaching mode): an appendix, so the findings read without it. */
  lessons: { step: number; title: string; lesson: string }[];
  /** records: the number (a table column); recordCount: with its noun ("1 record"). */
  sources: {
    file: string;
    kind: string;
    records: string;
    recordCount: string;
    command: string;
    capturedAt: string;
    unrecognised: boolean;
  }[];
  /** Warnings of the sources, each message once with the files it concerns. */
  sourceWarnings: { message: string; files: string }[];
  captureNotes: FindingView[];
  otherNotes: { heading: string; body: string }[];
  explain: boolean;
}

export interface ViewOptions {
  notes?: string | null;
  /** Teaching mode: the method of each step, in an appendix. */
  explain?: boolean;
}
