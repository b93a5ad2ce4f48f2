// Opens what the user captured — a folder, an archive, a sosreport, one capture or a transcript —
// recognises each file by its content and parses it into an artifact. Nothing the user gave is
// modified: archives unpack into a private temporary folder that cleanup() removes.
import { lstat, mkdtemp, open, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { SourceParser, SourceWarning } from '../types.js';
import { PARSERS } from '../sources/registry.js';
import { captureLog } from '../sources/capture-log.js';
import { parseLines, splitLines } from '../sources/run.js';
import { MAX_LINE_BYTES, readLineBytes, readLines, type ReadStats } from './lines.js';
import { MANIFEST_NAMES, readManifest } from './manifest.js';
import { hasPrompt, isMarkdown, splitTranscript, type TranscriptItem } from './transcript.js';
import { InputError, type Ingested, type IngestedEntry, type InputKind, type Manifest, type ManifestFile } from './types.js';
import { isSosReport, sosCommand, sosRelevant } from './sosreport.js';
import { removeOnInterrupt } from '../cleanup.js';

/** Below this score a parser's claim is not trusted. */
const MIN_CONFIDENCE = 0.3;
/** Files up to this size are checked for being transcripts (they are read whole). */
const TRANSCRIPT_MAX_BYTES = 32 * 1024 * 1024;
/** notes.md is read whole and woven into the report: a notebook is a few KB, a megabyte is plenty. */
export const NOTES_MAX_BYTES = 1024 * 1024;
const HEAD_BYTES = 64 * 1024;
const HEAD_LINES = 60;
/**
 * Detectors see at most this many characters of each line: output is recognised by how its lines
 * start, and no detect pattern then runs over a long line (detect runs on every file of a bundle).
 */
export const DETECT_LINE_CHARS = 8192;
const NOTES_NAMES = new Set(['notes.md']);
const DOC_NAMES = /^(readme|about)(\.[a-z]+)?$/i;
const SKIP_DIRS = new Set(['.git', 'node_modules', '.svn']);

export interface IngestOptions {
  parsers?: readonly SourceParser[];
}

export async function ingest(input: string, opts: IngestOptions = {}): Promise<Ingested> {
  const parsers = opts.parsers ?? PARSERS;
  const st = await lstat(input).catch(() => {
    throw new InputError(`${input}: no such file or folder`);
  });
  if (st.isDirectory()) return ingestFolder(input, input, st.isDirectory() ? 'folder' : 'folder', [], parsers, async () => {});
  if (!st.isFile()) throw new InputError(`${input}: not a regular file or folder`);
  // Archive support (tar-stream, yauzl, xz) loads only when an archive is given.
  const { sniffArchive, unpack } = await import('./unpack.js');
  const archive = await sniffArchive(input).catch((e: Error) => {
    throw new InputError(`${input}: cannot read: ${e.message}`);
  });
  if (archive) {
    const dest = await mkdtemp(join(tmpdir(), 'fdleak-'));
    const forget = removeOnInterrupt(dest);
    const cleanup = async () => {
      await rm(dest, { recursive: true, force: true });
      forget();
    };
    try {
      const warnings = await unpack(input, archive, dest);
      return await ingestFolder(input, dest, 'archive', warnings, parsers, cleanup);
    } catch (err) {
      await cleanup();
      throw err;
    }
  }
  const name = basename(input);
  const entries = await ingestFile(input, name, undefined, parsers);
  const kind: InputKind = entries.some((e) => e.command !== undefined && e.firstLine > 1) || entries.length > 1 ? 'transcript' : 'file';
  return { input, inputKind: kind, root: dirname(input), manifest: null, entries, warnings: [], notes: null, cleanup: async () => {} };
}

async function ingestFolder(
  input: string, dir: string, kind: InputKind, warnings: SourceWarning[], parsers: readonly SourceParser[],
  cleanup: () => Promise<void>,
): Promise<Ingested> {
  try {
    const root = await bundleRoot(dir);
    const files = await walk(root, warnings, input);
    const sos = isSosReport(files);
    let manifest: Manifest | null = null;
    const manifestName = files.find((f) => MANIFEST_NAMES.includes(f));
    if (manifestName) {
      const read = await readManifest(join(root, manifestName), manifestName);
      manifest = read.manifest;
      warnings.push(...read.warnings);
    }
    const captured = await captureLogHints(root, files);
    let notes: Ingested['notes'] = null;
    const entries: IngestedEntry[] = [];
    let skipped = 0;
    for (const file of files) {
      const path = join(root, file);
      const name = basename(file);
      if (file === manifestName) continue;
      if (NOTES_NAMES.has(name.toLowerCase()) && !file.includes('/')) {
        const size = (await lstat(path)).size;
        if (size > NOTES_MAX_BYTES) warnings.push({ file, message: `${size} bytes, over the ${NOTES_MAX_BYTES}-byte cap for notes: not woven into the report` });
        else notes = { file, text: await readFile(path, 'utf8') };
        continue;
      }
      if (DOC_NAMES.test(name)) {
        entries.push(documentation(file, path));
        continue;
      }
      if (sos && !sosRelevant(file)) {
        skipped++;
        continue;
      }
      const hint = manifestEntry(manifest, file) ?? captured.get(file) ?? (sos ? sosCommand(file) : undefined);
      entries.push(...(await ingestFile(path, file, hint, parsers)));
    }
    if (manifest) {
      for (const f of manifest.files) {
        if (!files.includes(f.path)) warnings.push({ file: manifest.file, message: `lists ${f.path}, which is not in the bundle` });
      }
    }
    if (skipped > 0) warnings.push({ file: input, message: `sosreport: ${skipped} files not relevant to fd leaks were not read` });
    return { input, inputKind: sos ? 'sosreport' : kind, root, manifest, entries, warnings, notes, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/** Capture logs are small; a bigger file is not read whole to look for one. */
const CAPTURE_LOG_MAX_BYTES = 256 * 1024;

/**
 * Commands a capture-session log gives for the files it names (`02:35:42 strace -p 21422 -o
 * spoold.strace`), as a manifest would: read before the files they describe.
 */
async function captureLogHints(root: string, files: readonly string[]): Promise<Map<string, ManifestFile>> {
  const hints = new Map<string, ManifestFile>();
  for (const file of files) {
    const path = join(root, file);
    const head = await readHead(path).catch(() => null);
    if (!head || head.binary || head.bytes === 0 || head.bytes > CAPTURE_LOG_MAX_BYTES) continue;
    if (captureLog.detect({ head: head.lines.slice(0, HEAD_LINES), name: file }) < MIN_CONFIDENCE) continue;
    const lines = head.complete ? head.lines : splitLines(await readFile(path, 'utf8'));
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const c of parseLines(captureLog, lines, { file }).artifact.entries) {
      const target = `${dir}${c.output.replace(/^\.\//, '')}`;
      if (files.includes(target) && !hints.has(target)) hints.set(target, { path: target, command: c.command });
    }
  }
  return hints;
}

/** Archives usually hold one top folder; the bundle is what is inside it. */
async function bundleRoot(dir: string): Promise<string> {
  let root = dir;
  for (let depth = 0; depth < 3; depth++) {
    const items = (await readdir(root, { withFileTypes: true })).filter((d) => !d.name.startsWith('.'));
    if (items.length === 1 && items[0].isDirectory()) root = join(root, items[0].name);
    else break;
  }
  return root;
}

async function walk(root: string, warnings: SourceWarning[], input: string): Promise<string[]> {
  const out: string[] = [];
  let links = 0;
  const visit = async (dir: string) => {
    for (const d of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, d.name);
      if (d.isDirectory()) {
        if (!SKIP_DIRS.has(d.name)) await visit(full);
      } else if (d.isFile()) out.push(relative(root, full).split(sep).join('/'));
      else if (d.isSymbolicLink()) links++;
    }
  };
  await visit(root);
  if (links > 0) warnings.push({ file: input, message: `${links} symbolic link${links === 1 ? '' : 's'} not followed` });
  return out.sort();
}

function manifestEntry(manifest: Manifest | null, file: string): ManifestFile | undefined {
  if (!manifest) return undefined;
  return manifest.files.find((f) => f.path === file) ?? manifest.files.find((f) => basename(f.path) === basename(file) && !f.path.includes('/'));
}

function documentation(file: string, path: string): IngestedEntry {
  return { file, firstLine: 1, lastLine: 0, source: 'documentation', confidence: 1, warnings: [], bytes: 0, lines: 0, path };
}

interface Head {
  bytes: number;
  lines: string[];
  binary: boolean;
  complete: boolean;
}

async function readHead(path: string): Promise<Head> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const buf = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const chunk = buf.subarray(0, bytesRead);
    const complete = bytesRead >= size;
    let text = chunk.toString('utf8');
    if (!complete) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
    return { bytes: size, lines: splitLines(text), binary: looksBinary(chunk), complete };
  } finally {
    await fh.close();
  }
}

/** NUL bytes, or many control characters, in the first 8 KB. */
export function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.1;
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

function bestParser(parsers: readonly SourceParser[], head: string[], name: string, command?: string): { parser: SourceParser; score: number } | null {
  let best: { parser: SourceParser; score: number } | null = null;
  const lines = detectHead(head);
  for (const parser of parsers) {
    const score = parser.detect({ head: lines, name, command });
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

export async function ingestFile(
  path: string, file: string, hint: ManifestFile | undefined, parsers: readonly SourceParser[] = PARSERS,
): Promise<IngestedEntry[]> {
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
    entry.warnings.push({ file, message: `the capture command exited with status ${hint.exitCode}${hint.stderr ? `: ${hint.stderr.split('\n')[0]}` : ''}` });
  }
  if (!hint?.command && head.bytes <= TRANSCRIPT_MAX_BYTES && mayBeTranscript(head.lines)) {
    const items = await transcriptEntries(path, file, head.bytes, hint, parsers);
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
  let stats: ReadStats;
  if (best.parser.parseFile) {
    const parsed = await best.parser.parseFile(path, ctx, head.bytes);
    entry.artifact = parsed.artifact;
    stats = parsed.stats;
  } else {
    const sink = best.parser.sink(ctx);
    stats = sink.bytes
      ? await readLineBytes(path, (buf, start, end, n) => sink.bytes!(buf, start, end, n))
      : await readLines(path, (text, n) => sink.line(text, n));
    entry.artifact = sink.end();
  }
  entry.source = best.parser.id;
  entry.confidence = best.score;
  entry.lines = stats.lines;
  entry.lastLine = stats.lines;
  if (stats.crlf > 0) entry.warnings.push({ file, message: `CRLF line ends on ${stats.crlf} lines (read as LF)` });
  if (stats.binaryHint) entry.warnings.push({ file, message: 'NUL bytes past the start of the file; those lines may be garbled' });
  if (stats.cutLines > 0) entry.warnings.push({ file, line: stats.firstCutLine, message: `${stats.cutLines === 1 ? 'a line' : `${stats.cutLines} lines`} longer than ${MAX_LINE_BYTES} bytes, cut there (the first here)` });
  if (stats.noFinalNewline && !warnings.some((w) => /cut|truncat/i.test(w.message))) {
    entry.warnings.push({ file, line: stats.lines, message: 'the last line has no newline: the capture may be cut off' });
  }
  entry.warnings.push(...warnings);
  return [entry];
}

/** A prompt or a Markdown fence near the top. */
function mayBeTranscript(head: readonly string[]): boolean {
  if (isMarkdown(head)) return true;
  return hasPrompt(head.slice(0, HEAD_LINES));
}

/** Parsers of listings that people paste in several blocks, only the first with the header. */
const LISTINGS = new Set(['lsof', 'lsof-fields', 'lsfd', 'proc-fd', 'netstat', 'ss-sockets', 'ps']);

async function transcriptEntries(
  path: string, file: string, bytes: number, hint: ManifestFile | undefined, parsers: readonly SourceParser[],
): Promise<IngestedEntry[] | null> {
  const raw = await readFile(path, 'utf8');
  const lines = splitLines(raw);
  const items = splitTranscript(lines);
  if (items.length === 0) return null;
  const crlf = raw.includes('\r\n');
  const parts = joinContinuations(items.map((item) => {
    const out = item.output.map((o) => o.text);
    const command = item.command ?? undefined;
    const best = out.every((l) => l.trim() === '') || errorOutput(out) ? null : bestParser(parsers, out, file, command);
    return { item, best, continued: [] as number[] };
  }));
  return parts.map(({ item, best, continued }, i) => {
    const out = item.output.map((o) => o.text);
    const first = item.output[0]?.line ?? item.commandLine + 1;
    const e = baseEntry(file, path, hint, 0);
    e.firstLine = item.command !== null ? item.commandLine : first;
    e.lastLine = item.output.length ? item.output[item.output.length - 1].line : item.commandLine;
    e.lines = item.output.length;
    e.bytes = out.reduce((s, l) => s + l.length + 1, 0);
    if (item.command !== null) e.command = item.command;
    if (i === 0 && crlf) e.warnings.push({ file, message: 'CRLF line ends (read as LF)' });
    if (out.every((l) => l.trim() === '')) return e;
    const failed = errorOutput(out);
    if (failed) {
      e.warnings.push({ file, line: first, message: `the command printed an error, not output: ${failed}` });
      return e;
    }
    if (!best) return e;
    if (continued.length > 0) {
      e.excerpt = true;
      e.warnings.push({ file, line: continued[0], message: `read as the continuation of the listing above (from line ${first}); rows between the blocks may be missing` });
    }
    const parsed = parseLines(best.parser, out, { file, command: e.command, lineNumbers: item.output.map((o) => o.line) });
    e.source = best.parser.id;
    e.confidence = best.score;
    e.artifact = parsed.artifact;
    e.warnings.push(...parsed.warnings);
    return e;
  });
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
    if (same && LISTINGS.has(p.best!.parser.id)) {
      prev.item = { ...prev.item, output: [...prev.item.output, ...p.item.output] };
      prev.continued.push(p.item.output[0]?.line ?? p.item.commandLine);
      continue;
    }
    out.push({ ...p, continued: [...p.continued] });
  }
  return out;
}
