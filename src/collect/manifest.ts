// The bundle manifest (manifest.json, schema fdleak/bundle@1) that `collect` and `notebook capture`
// write and ingest reads. It is rewritten atomically after every capture, so a bundle cut short by
// Ctrl-C or a crash still has a valid manifest describing what it holds.
import { randomBytes } from 'node:crypto';
import { renameSync } from 'node:fs';
import { occupied, readNoFollow, writeNew } from './safe-files.js';
import { MANIFEST_MAX_BYTES } from '../bundle/manifest.js';
import { join } from 'node:path';

export const BUNDLE_SCHEMA = 'fdleak/bundle@1';
const MANIFEST_FILE = 'manifest.json';
/** stderr kept per capture; the start is where tools say what went wrong. */
export const STDERR_LIMIT = 2000;

export interface ManifestFileEntry {
  /** Relative to the bundle root, `/`-separated. */
  path: string;
  command: string;
  startedAt: string;
  endedAt: string;
  /** null when the command was stopped by a signal. */
  exitCode: number | null;
  stderr?: string;
  /** The process the capture is about. */
  pid?: number;
  /** The size cap cut the output. */
  truncated?: boolean;
  note?: string;
}

export interface ManifestMissing {
  what: string;
  command: string;
  reason: string;
}

export interface BundleManifest {
  schema: typeof BUNDLE_SCHEMA;
  title?: string;
  ticket?: string;
  host: string;
  timezone: string;
  capturedAt: string;
  suspectPid?: number;
  suspectReason?: string;
  collector: { name: 'fdleak'; version: string };
  missing: ManifestMissing[];
  files: ManifestFileEntry[];
}

export function truncateStderr(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return t.length > STDERR_LIMIT ? `${t.slice(0, STDERR_LIMIT)}… [${t.length - STDERR_LIMIT} more chars]` : t;
}

/** A manifest that cannot be appended to: the user's to fix (exit 2), never rewritten blindly. */
class ManifestError extends Error {
  constructor(
    message: string,
    readonly hint = 'fix it, or move it aside to start a new one',
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** The manifest's JSON as an object with `files` and `missing` lists of objects, or a ManifestError. */
function parseManifest(text: string, path: string): BundleManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ManifestError(`${path} is not valid JSON (${(err as Error).message.split('\n')[0].slice(0, 120)})`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ManifestError(`${path} is not a JSON object`);
  const m = raw as BundleManifest;
  for (const key of ['files', 'missing'] as const) {
    if (m[key] === undefined) m[key] = [];
    if (!Array.isArray(m[key]) || !(m[key] as unknown[]).every((x) => x && typeof x === 'object' && !Array.isArray(x))) {
      throw new ManifestError(`${path}: "${key}" is not a list of objects`);
    }
  }
  return m;
}

/** Holds the manifest of one bundle folder and writes it after every change. */
export class ManifestWriter {
  readonly path: string;

  constructor(
    readonly dir: string,
    readonly manifest: BundleManifest,
  ) {
    this.path = join(dir, MANIFEST_FILE);
    this.flush();
  }

  /** Opens the manifest of an existing bundle folder (notebook capture appends to it). */
  static open(dir: string): ManifestWriter | null {
    const path = join(dir, MANIFEST_FILE);
    if (!occupied(path)) return null;
    return new ManifestWriter(dir, parseManifest(readNoFollow(path, MANIFEST_MAX_BYTES), path));
  }

  addFile(entry: ManifestFileEntry): void {
    // A re-capture of the same path replaces its entry: one file, one description.
    this.manifest.files = this.manifest.files.filter((f) => f.path !== entry.path);
    this.manifest.files.push(entry);
    this.flush();
  }

  addMissing(m: ManifestMissing): void {
    if (!this.manifest.missing.some((x) => x.what === m.what)) this.manifest.missing.push(m);
    this.flush();
  }

  setSuspect(pid: number, reason: string): void {
    this.manifest.suspectPid = pid;
    this.manifest.suspectReason = reason;
    this.flush();
  }

  /**
   * Write to a new temporary file, then rename: readers never see half a manifest. The name is
   * unguessable and created exclusively, so a link planted in the bundle is never written through;
   * rename replaces a link at manifest.json itself.
   */
  flush(): void {
    const tmp = `${this.path}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
    writeNew(tmp, JSON.stringify(this.manifest, null, 2) + '\n');
    renameSync(tmp, this.path);
  }
}
