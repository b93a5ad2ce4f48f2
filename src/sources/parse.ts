// Recognises each file of an opened bundle by its content and parses it into an artifact: the
// sources layer's entry point. A transcript is split into one entry per command (blocks of one
// listing pasted apart are joined); a capture-session log gives the files it names their commands.
import { hasSpanOutput } from '../bundle/span-output.js';
import { listedResult } from '../bundle/inline-result.js';
import { readFile } from 'node:fs/promises';
import type { SourceWarning } from '../types.js';
import type { ArtifactBase, ParseContext, SourceParser } from './parser.js';
import { PARSERS } from './registry.js';
import { captureLog } from './capture-log.js';
import { continuesWithoutCommand } from './lsof-header.js';
import { parseLines } from './run.js';
import { ulimitSet } from './ulimit.js';
import { scriptLimits } from './shell-script.js';
import { MAX_LINE_BYTES, readLineBytes, readLineChunks, readLines, splitLines, type ReadStats } from '../bundle/lines.js';
import { openBundle, readHead, type BundleFile, type Head, type OpenedBundle } from '../bundle/open.js';
import {
  commandLinesCut,
  hasBareCommands,
  hasPrompt,
  isMarkdown,
  splitParagraphs,
  splitTranscript,
  withoutAnnotation,
} from '../bundle/transcript.js';
import type { TranscriptItem } from '../bundle/terminal-session.js';
import type { InputKind, Manifest, ManifestFile } from '../bundle/types.js';
import { hasCodeSpanRun, hasQuotedErrorLine } from '../bundle/code-spans.js';
import { withoutCodeIndent } from '../bundle/indented-code.js';
import { promptCommand } from '../bundle/prompts.js';
import { datedCommands } from '../bundle/dated-commands.js';
import { blockOpenAtEnd, lastTextLine } from '../bundle/open-block-end.js';
import { appendAll } from '../many-values.js';
import { formatNumber as fmt } from '../format.js';

/** Below this score a parser's claim is not trusted. */
const MIN_CONFIDENCE = 0.3;
/** Files up to this size are checked for being transcripts (they are read whole). */
const TRANSCRIPT_MAX_BYTES = 32 * 1024 * 1024;
const HEAD_LINES = 60;
/** A plain-text write-up is read paragraph by paragraph only up to this many (a write-up, not a dump). */
const MAX_PARAGRAPHS = 400;
/**
 * A transcript's command lines read, at most (fences, lines at a prompt, commands heading a
 * paragraph): a pasted session holds tens, a loop's output is one; each read command costs some
 * kilobytes, so a file of a million one-line commands is read up to its 10,001st only.
 */
const MAX_COMMANDS = 10_000;
/**
 * Detectors see at most this many characters of each line: output is recognised by how its lines
 * start, and no detect pattern then runs over a long line (detect runs on every file of a bundle).
 */
export const DETECT_LINE_CHARS = 8192;

/** One recognised (or unrecognised) piece of evidence: a file, or one command of a transcript. */
export interface IngestedEntry {
  /** Citation path: relative to the bundle root (or the file's name for a single file). */
  file: string;
  /** Lines of `file` this entry covers (a transcript item covers part of its file). */
  firstLine: number;
  lastLine: number;
  command?: string;
  capturedAt?: string;
  pid?: number;
  reconstructed?: boolean | string;
  /** Blocks of a transcript joined into one listing: rows between them may be missing. */
  excerpt?: boolean;
  /** Parser id, or null when no parser recognised it. */
  source: string | null;
  confidence: number;
  artifact?: ArtifactBase;
  warnings: SourceWarning[];
  bytes: number;
  lines: number;
  /** Where the content is on disk now (inside a temporary unpack folder for archives). */
  path: string;
}

export interface Ingested {
  input: string;
  inputKind: InputKind;
  /** The folder the entries' `file` paths are relative to, on disk now (inside the unpack folder for an archive). */
  root: string;
  manifest: Manifest | null;
  entries: IngestedEntry[];
  /** Problems of the bundle as a whole (refused archive members, unreadable files). */
  warnings: SourceWarning[];
  /** The analyst's notes (`notes.md`), woven into the report. */
  notes: { file: string; text: string } | null;
  /** Removes temporary files (unpacked archives). */
  cleanup(): Promise<void>;
}

/** Opens a bundle and parses it (the temporary files of an archive are removed if parsing fails). */
export async function ingest(input: string, parsers: readonly SourceParser[] = PARSERS): Promise<Ingested> {
  const bundle = await openBundle(input);
  try {
    return await parseBundle(bundle, parsers);
  } catch (err) {
    await bundle.cleanup();
    throw err;
  }
}

export async function parseBundle(bundle: OpenedBundle, parsers: readonly SourceParser[] = PARSERS): Promise<Ingested> {
  const captured = await captureLogHints(bundle.files);
  const entries: IngestedEntry[] = bundle.docs.map(documentation);
  for (const f of bundle.files) {
    const hint = f.hint ?? captured.get(f.file);
    appendAll(entries, await parseEntry(hint ? { ...f, hint } : f, parsers));
  }
  const { input, root, manifest, warnings, notes, cleanup } = bundle;
  const transcript = bundle.inputKind === 'file' && entries.some((e) => (e.command !== undefined && e.firstLine > 1) || entries.length > 1);
  return { input, inputKind: transcript ? 'transcript' : bundle.inputKind, root, manifest, entries, warnings, notes, cleanup };
}

/** Feeds a file to a parser the way its sink reads best: whole chunks, line bytes, or text lines. */
export async function readCapture<A extends ArtifactBase>(
  parser: SourceParser<A>,
  path: string,
  ctx: ParseContext,
): Promise<{ artifact: A; stats: ReadStats }> {
  const sink = parser.sink(ctx);
  const stats = sink.chunk
    ? await readLineChunks(path, sink.chunk)
    : sink.bytes
      ? await readLineBytes(path, (buf, start, end, n) => sink.bytes!(buf, start, end, n))
      : await readLines(path, (text, n) => sink.line(text, n));
  return { artifact: sink.end(), stats };
}

/** Capture logs are small; a bigger file is not read whole to look for one. */
const CAPTURE_LOG_MAX_BYTES = 256 * 1024;

/**
 * Commands a capture-session log gives for the files it names (`02:35:42 strace -p 21422 -o
 * spoold.strace`), as a manifest would: read before the files they describe.
 */
async function captureLogHints(files: readonly BundleFile[]): Promise<Map<string, ManifestFile>> {
  const hints = new Map<string, ManifestFile>();
  const names = new Set(files.map((f) => f.file));
  for (const { file, path } of files) {
    const head = await readHead(path).catch(() => null);
    if (!head || head.binary || head.bytes === 0 || head.bytes > CAPTURE_LOG_MAX_BYTES) continue;
    if (captureLog.detect({ head: head.lines.slice(0, HEAD_LINES), name: file }) < MIN_CONFIDENCE) continue;
    const lines = head.complete ? head.lines : splitLines(await readFile(path, 'utf8'));
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const c of parseLines(captureLog, lines, { file }).artifact.entries) {
      const target = `${dir}${c.output.replace(/^\.\//, '')}`;
      if (names.has(target) && !hints.has(target)) hints.set(target, { path: target, command: c.command });
    }
  }
  return hints;
}

function documentation({ file, path }: BundleFile): IngestedEntry {
  return { file, firstLine: 1, lastLine: 0, source: 'documentation', confidence: 1, warnings: [], bytes: 0, lines: 0, path };
}

const ERROR_OUTPUT = /(command not found|Permission denied|No such file or directory|Operation not permitted|not installed|Usage:)/i;

/** Output that is really an error message, not evidence. */
function errorOutput(lines: readonly string[]): string | null {
  const text = lines.filter((l) => l.trim() !== '');
  if (text.length === 0 || text.length > 3) return null;
  return text.every((l) => ERROR_OUTPUT.test(l)) ? text[0].trim().slice(0, 160) : null;
}

/** What detect sees of an entry's first lines. */
export function detectHead(lines: readonly string[]): string[] {
  return lines.slice(0, HEAD_LINES).map((l) => (l.length > DETECT_LINE_CHARS ? l.slice(0, DETECT_LINE_CHARS) : l));
}

function bestParser(
  parsers: readonly SourceParser[],
  head: string[],
  name: string,
  command?: string,
  shownAt?: string,
): { parser: SourceParser; score: number } | null {
  let best: { parser: SourceParser; score: number } | null = null;
  const lines = detectHead(head);
  for (const parser of parsers) {
    const score = parser.detect({ head: lines, name, command, ...(shownAt ? { shownAt } : {}) });
    if (score >= MIN_CONFIDENCE && (!best || score > best.score)) best = { parser, score };
  }
  return best;
}

function baseEntry(file: string, path: string, hint: ManifestFile | undefined, bytes: number): IngestedEntry {
  const e: IngestedEntry = { file, firstLine: 1, lastLine: 0, source: null, confidence: 0, warnings: [], bytes, lines: 0, path };
  if (hint?.command) e.command = hint.command;
  if (hint?.startedAt) e.capturedAt = hint.startedAt;
  if (hint?.pid !== undefined) e.pid = hint.pid;
  if (hint?.reconstructed !== undefined) e.reconstructed = hint.reconstructed;
  return e;
}

async function parseEntry({ path, file, hint }: BundleFile, parsers: readonly SourceParser[]): Promise<IngestedEntry[]> {
  let head: Head;
  try {
    head = await readHead(path);
  } catch (err) {
    const e = baseEntry(file, path, hint, 0);
    e.warnings.push({ file, message: `cannot read: ${(err as Error).message}` });
    return [e];
  }
  const entry = baseEntry(file, path, hint, head.bytes);
  if (head.bytes === 0) {
    entry.warnings.push({ file, message: 'empty file' });
    return [entry];
  }
  if (head.binary) {
    entry.warnings.push({ file, message: 'binary content, not a text capture; skipped' });
    return [entry];
  }
  if (hint?.exitCode !== undefined && hint.exitCode !== 0) {
    entry.warnings.push({
      file,
      message: `the capture command exited with status ${hint.exitCode}${hint.stderr ? `: ${hint.stderr.split('\n')[0]}` : ''}`,
    });
  }
  if (!hint?.command && head.bytes <= TRANSCRIPT_MAX_BYTES && mayBeTranscript(head.lines)) {
    const items = await transcriptEntries(path, file, hint, parsers);
    if (items) return items;
  }
  const failed = errorOutput(head.lines);
  if (failed && head.complete) {
    entry.lines = head.lines.length;
    entry.lastLine = head.lines.length;
    entry.warnings.push({ file, line: 1, message: `the capture is an error message, not output: ${failed}` });
    return [entry];
  }
  const best = bestParser(parsers, head.lines, file, entry.command);
  if (!best && !hint?.command && head.complete) {
    // A write-up pasted as plain text: its paragraphs, each read on its own.
    // One paragraph is the whole file again, already read.
    const items = await transcriptEntries(path, file, hint, parsers, paragraphsOfOutputs);
    if (items?.some((e) => e.source !== null)) return items;
  }
  if (best && !hint?.command && head.complete) {
    // Outputs of several tools pasted one after another under captions, no fence or prompt
    // ("strace output sample :", its lines; "lsof output sample :", its rows): read whole, the
    // first tool's parser would take the other's rows for its own. Each paragraph read on its own.
    const items = await transcriptEntries(path, file, hint, parsers, paragraphsOfOutputs);
    if (items && new Set(items.map((e) => e.source).filter((s) => s !== null)).size >= 2) return items;
  }
  if (!best) {
    entry.lines = head.complete ? head.lines.length : 0;
    entry.lastLine = entry.lines;
    return [entry];
  }
  const warnings: SourceWarning[] = [];
  const ctx = {
    file,
    command: entry.command,
    warn: (line: number | undefined, message: string) => warnings.push(line === undefined ? { file, message } : { file, line, message }),
  };
  const { artifact, stats } = await readCapture(best.parser, path, ctx);
  entry.artifact = artifact;
  entry.source = best.parser.id;
  entry.confidence = best.score;
  entry.lines = stats.lines;
  entry.lastLine = stats.lines;
  if (stats.crlf > 0) entry.warnings.push({ file, message: `CRLF line ends on ${stats.crlf} lines (read as LF)` });
  if (stats.binaryHint) entry.warnings.push({ file, message: 'NUL bytes past the start of the file; those lines may be garbled' });
  if (stats.cutLines > 0)
    entry.warnings.push({
      file,
      line: stats.firstCutLine,
      message: `${stats.cutLines === 1 ? 'a line' : `${stats.cutLines} lines`} longer than ${MAX_LINE_BYTES} bytes, cut there (the first here)`,
    });
  if (stats.noFinalNewline && !warnings.some((w) => /cut|truncat/i.test(w.message))) {
    entry.warnings.push({ file, line: stats.lines, message: 'the last line has no newline: the capture may be cut off' });
  }
  appendAll(entry.warnings, warnings);
  return [entry];
}

/** A block is read in parts, blank line by blank line, only up to this many parts. */
const MAX_PARTS = 8;

/**
 * A block of outputs pasted without their commands, a blank line between them (three `ls -l`
 * link rows, then lsof's rows of the same fds without its header: redis#8383): read whole, no
 * parser takes both shapes. Each part is read on its own when the whole is nobody's and every
 * part is some parser's, two of them different ones; else the block stays as it is.
 */
function pastedApart(item: TranscriptItem, reader: (out: string[]) => string | null): TranscriptItem[] {
  if (item.command !== null || item.output.length < 3) return [item];
  const parts: TranscriptItem['output'][] = [[]];
  for (const o of item.output) {
    if (o.text.trim() === '') {
      if (parts[parts.length - 1].length > 0) parts.push([]);
    } else parts[parts.length - 1].push(o);
    if (parts.length > MAX_PARTS) return [item];
  }
  const filled = parts.filter((p) => p.length > 0);
  if (filled.length < 2 || reader(item.output.map((o) => o.text)) !== null) return [item];
  const read = filled.map((p) => reader(p.map((o) => o.text)));
  if (read.some((id) => id === null) || new Set(read).size < 2) return [item];
  return filled.map((output) => ({ command: null, commandLine: output[0].line, output }));
}

/**
 * The paragraphs of a file, when there are several (and not too many to read apart) — or one that
 * reads otherwise than the file does: a single Markdown indented code block, its every line four
 * blanks in (a tracker issue migrated from Redmine, Icinga/icinga-core#524's `    l-wx------ 1 root
 * root 64 2011-01-25 11:13 10 -> … (deleted)` rows), read without its indent as several such
 * blocks are.
 */
function paragraphsOfOutputs(lines: readonly string[]): TranscriptItem[] {
  const paragraphs = splitParagraphs(lines);
  if (paragraphs.length === 1) return readsOtherwise(paragraphs[0], lines) ? paragraphs : [];
  return paragraphs.length >= 2 && paragraphs.length <= MAX_PARAGRAPHS ? paragraphs : [];
}

/** Some line of the paragraph reads otherwise than the file's line it comes from (its indent dropped). */
function readsOtherwise(paragraph: TranscriptItem, lines: readonly string[]): boolean {
  return paragraph.output.some((o) => o.text !== lines[o.line - 1]);
}

/**
 * A prompt or a Markdown fence near the top (or two lines each one code span: a command and its
 * output set inline, or one span holding both; or a line that is one span quoting an error that
 * says a process ran out), or commands without prompts heading paragraphs of output, or a list item
 * noting a counting command's result (`* lsof | wc -l = 26662`, inline-result.ts)
 * — also in Markdown's indented code blocks, read without their indent as splitTranscript reads them
 * (oVirt/vdsm#240's `    for i in $(seq 3600); do` loop over its timed counts).
 */
function mayBeTranscript(head: readonly string[]): boolean {
  const prompted = (l: string) => promptCommand(l) !== null;
  if (isMarkdown(head) || hasCodeSpanRun(head.slice(0, HEAD_LINES), prompted) || hasSpanOutput(head.slice(0, HEAD_LINES), prompted))
    return true;
  const top = head.slice(0, HEAD_LINES);
  return hasPrompt(top) || hasBareCommands(withoutCodeIndent(top)) || hasQuotedErrorLine(top) || top.some((l) => listedResult(l) !== null);
}

/** Parsers of listings that people paste in several blocks, only the first with the header. */
const LISTINGS = new Set(['lsof', 'lsof-fields', 'lsfd', 'proc-fd', 'fstat', 'pfiles', 'netstat', 'netstat-windows', 'ss-sockets', 'ps']);

async function transcriptEntries(
  path: string,
  file: string,
  hint: ManifestFile | undefined,
  parsers: readonly SourceParser[],
  split: (lines: readonly string[]) => TranscriptItem[] = splitTranscript,
): Promise<IngestedEntry[] | null> {
  const raw = await readFile(path, 'utf8');
  const cut = commandLinesCut(raw, MAX_COMMANDS);
  const lines = splitLines(cut ? raw.slice(0, cut.offset) : raw);
  // Blanks at the end of a pasted line are the page's, not the output's (no tool ends a row with
  // one): `... (CLOSE_WAIT) ` is lsof's row.
  // So are the notes a writer added after an output line (`12000 12345 ← PID 12345`).
  const pasted = split(lines)
    .flatMap(withScriptLimits)
    .map((item) => ({ ...item, output: item.output.map((o) => ({ ...o, text: withoutAnnotation(o.text) })) }))
    .flatMap((item) => pastedApart(item, (out) => bestParser(parsers, out, file)?.parser.id ?? null));
  const items = datedCommands(pasted);
  if (items.length === 0) return null;
  const crlf = raw.includes('\r\n');
  // A paste that ends inside a block it opened was cut there: the output reaching its end is partial.
  const openedAt = cut ? null : blockOpenAtEnd(lines);
  const lastLine = lastTextLine(lines) + 1;
  const parts = joinContinuations(
    items.map((item) => {
      const out = item.output.map((o) => o.text);
      const command = item.command ?? undefined;
      const best = out.every((l) => l.trim() === '') || errorOutput(out) ? null : bestParser(parsers, out, file, command, item.shownAt);
      return { item, best, continued: [] as number[] };
    }),
  );
  return parts.map(({ item, best, continued }, i) => {
    const out = item.output.map((o) => o.text);
    const first = item.output[0]?.line ?? item.commandLine + 1;
    const e = baseEntry(file, path, hint, 0);
    e.firstLine = item.command !== null ? item.commandLine : first;
    e.lastLine = item.output.length ? item.output[item.output.length - 1].line : item.commandLine;
    e.lines = item.output.length;
    e.bytes = out.reduce((s, l) => s + l.length + 1, 0);
    if (item.command !== null) e.command = item.command;
    if (item.shownAt) e.capturedAt = item.shownAt;
    if (i === 0 && crlf) e.warnings.push({ file, message: 'CRLF line ends (read as LF)' });
    if (i === 0 && cut) {
      e.warnings.push({
        file,
        line: cut.line,
        message: `more than ${fmt(MAX_COMMANDS)} command lines: the transcript is not read from here on`,
      });
    }
    if (out.every((l) => l.trim() === '')) return withLimitSet(e, file, item);
    const failed = errorOutput(out);
    if (failed) {
      e.warnings.push({ file, line: first, message: `the command printed an error, not output: ${failed}` });
      return e;
    }
    if (!best) return e;
    const last = item.output[item.output.length - 1]?.line ?? 0;
    if (openedAt !== null && last === lastLine && first > openedAt + 1) {
      e.excerpt = true;
      e.warnings.push({
        file,
        line: last,
        message: `the paste ends inside the block opened at line ${openedAt + 1}, never closed: the output may be cut after line ${last}`,
      });
    }
    if (continued.length > 0) {
      e.excerpt = true;
      e.warnings.push({
        file,
        line: continued[0],
        message: `read as the continuation of the listing above (from line ${first}); rows between the blocks may be missing`,
      });
    }
    const parsed = parseLines(best.parser, out, {
      file,
      command: e.command,
      ...(item.shownAt ? { shownAt: item.shownAt } : {}),
      lineNumbers: item.output.map((o) => o.line),
    });
    e.source = best.parser.id;
    e.confidence = best.score;
    e.artifact = parsed.artifact;
    appendAll(e.warnings, parsed.warnings);
    return e;
  });
}

/**
 * `bash -c 'ulimit -n 8; vector …'`: the script's `ulimit` commands ran before its program, on the
 * same line, as if typed at the prompt before it; each is an item of its own that printed nothing.
 */
function withScriptLimits(item: TranscriptItem): TranscriptItem[] {
  const limits = item.command === null ? [] : scriptLimits(item.command);
  return [...limits.map((command) => ({ command, commandLine: item.commandLine, output: [] })), item];
}

/** A command that printed nothing may have set the shell's open-files limit (`ulimit -n 10`). */
function withLimitSet(e: IngestedEntry, file: string, item: TranscriptItem): IngestedEntry {
  const set = item.command !== null ? ulimitSet(item.command, file, item.commandLine) : null;
  if (!set) return e;
  e.source = 'ulimit';
  e.confidence = 1;
  e.artifact = set;
  return e;
}

interface TranscriptPart {
  item: TranscriptItem;
  best: { parser: SourceParser; score: number } | null;
  /** First lines of the blocks joined to this one. */
  continued: number[];
}

/**
 * A block with no command of its own, read by the same listing parser as the block before it, is
 * the rest of that listing pasted apart (`lsof -p PID` in three blocks, only the first with its
 * header): one listing, not three.
 */
function joinContinuations(parts: TranscriptPart[]): TranscriptPart[] {
  const out: TranscriptPart[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    const same = prev && p.item.command === null && p.best && prev.best && p.best.parser.id === prev.best.parser.id;
    const lsofGoesOn =
      prev?.best?.parser.id === 'lsof' &&
      p.item.command === null &&
      continuesWithoutCommand(
        prev.item.output.map((o) => o.text),
        p.item.output.map((o) => o.text),
      );
    if (lsofGoesOn) p.best = prev.best;
    if ((same && LISTINGS.has(p.best!.parser.id)) || lsofGoesOn) {
      prev.item = { ...prev.item, output: [...prev.item.output, ...p.item.output] };
      prev.continued.push(p.item.output[0]?.line ?? p.item.commandLine);
      continue;
    }
    out.push({ ...p, continued: [...p.continued] });
  }
  return out;
}
