// The optional bundle manifest (`manifest.yaml`, `manifest.yml` or `manifest.json`, schema
// fdleak/bundle@1): incident metadata and, per file, the command that produced it and when.
// A malformed manifest is a warning, never fatal: the captures speak for themselves.
import { readFile, stat } from 'node:fs/promises';
import type { SourceWarning } from '../types.js';
import type { Manifest, ManifestFile } from './types.js';

export const MANIFEST_NAMES = ['manifest.yaml', 'manifest.yml', 'manifest.json'];
const MANIFEST_SCHEMA = 'fdleak/bundle@1';

/** A manifest lists a bundle's files: tens of KB. Past this it is not read (nor parsed into memory). */
export const MANIFEST_MAX_BYTES = 4 * 1024 * 1024;

export async function readManifest(path: string, file: string): Promise<{ manifest: Manifest | null; warnings: SourceWarning[] }> {
  const warnings: SourceWarning[] = [];
  let raw: unknown;
  try {
    const size = (await stat(path)).size;
    if (size > MANIFEST_MAX_BYTES) throw new Error(`${size} bytes, over the ${MANIFEST_MAX_BYTES}-byte cap for a manifest`);
    const text = await readFile(path, 'utf8');
    // The YAML parser is big; load it only for a YAML manifest.
    raw = file.endsWith('.json') ? JSON.parse(text) : (await yamlParse())(text);
  } catch (err) {
    warnings.push({ file, message: `manifest ignored: ${(err as Error).message.split('\n')[0]}` });
    return { manifest: null, warnings };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    warnings.push({ file, message: 'manifest ignored: not a mapping' });
    return { manifest: null, warnings };
  }
  return { manifest: toManifest(raw as Record<string, unknown>, file, warnings), warnings };
}

function toManifest(o: Record<string, unknown>, file: string, warnings: SourceWarning[]): Manifest {
  if (o.schema !== undefined && o.schema !== MANIFEST_SCHEMA) {
    warnings.push({ file, message: `manifest schema ${String(o.schema)} is not ${MANIFEST_SCHEMA}; reading the fields it shares` });
  }
  const m: Manifest = { file, files: [] };
  for (const key of ['title', 'ticket', 'host', 'timezone', 'suspectReason'] as const) {
    const v = text(o[key]);
    if (v !== undefined) m[key] = v;
  }
  const at = time(o.capturedAt, file, 'capturedAt', warnings);
  if (at) m.capturedAt = at;
  const pid = integer(o.suspectPid);
  if (pid !== undefined) m.suspectPid = pid;
  if (m.timezone && !validZone(m.timezone)) {
    warnings.push({ file, message: `timezone ${m.timezone} is not an IANA zone name; times are read as written` });
  }
  if (Array.isArray(o.missing)) {
    m.missing = o.missing
      .filter((x): x is Record<string, unknown> => !!x && typeof x === 'object')
      .map((x) => ({ what: text(x.what) ?? '', command: text(x.command) ?? '', reason: text(x.reason) }))
      .filter((x) => x.what !== '');
  }
  if (o.files !== undefined && !Array.isArray(o.files)) warnings.push({ file, message: 'manifest files: not a list; ignored' });
  for (const [i, f] of (Array.isArray(o.files) ? o.files : []).entries()) {
    if (!f || typeof f !== 'object' || typeof (f as { path?: unknown }).path !== 'string') {
      warnings.push({ file, message: `manifest files[${i}] has no path; ignored` });
      continue;
    }
    const r = f as Record<string, unknown>;
    const entry: ManifestFile = { path: (r.path as string).replace(/^\.\//, '') };
    const command = text(r.command);
    if (command) entry.command = command;
    const started = time(r.startedAt, file, `files[${i}].startedAt`, warnings);
    if (started) entry.startedAt = started;
    const ended = time(r.endedAt, file, `files[${i}].endedAt`, warnings);
    if (ended) entry.endedAt = ended;
    const exit = integer(r.exitCode);
    if (exit !== undefined) entry.exitCode = exit;
    const stderr = text(r.stderr);
    if (stderr) entry.stderr = stderr;
    const fpid = integer(r.pid);
    if (fpid !== undefined) entry.pid = fpid;
    if (typeof r.reconstructed === 'boolean' || typeof r.reconstructed === 'string') entry.reconstructed = r.reconstructed;
    if (r.truncated === true) entry.truncated = true;
    const note = text(r.note);
    if (note) entry.note = note;
    m.files.push(entry);
  }
  return m;
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** A pid or an exit status: a whole number an integer holds exactly (1e300 is "an integer" too). */
function integer(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function time(v: unknown, file: string, field: string, warnings: SourceWarning[]): string | undefined {
  if (v instanceof Date) return v.toISOString();
  const s = text(v);
  if (s === undefined) return undefined;
  if (Number.isNaN(Date.parse(s))) {
    warnings.push({ file, message: `${field}: ${s} is not a date-time; ignored` });
    return undefined;
  }
  return s;
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The YAML parser, loaded on first use (a bundler may put a CommonJS build's exports on `default`). */
async function yamlParse(): Promise<(text: string) => unknown> {
  type Parse = (t: string, options: { logLevel: 'error' }) => unknown;
  const mod = (await import('yaml')) as unknown as { parse?: Parse; default?: { parse: Parse } };
  const parse = mod.parse ?? mod.default!.parse;
  // Its warnings would go to stderr as process warnings, bundle text and all: errors only.
  return (text) => parse(text, { logLevel: 'error' });
}
