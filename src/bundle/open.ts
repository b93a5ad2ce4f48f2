// Opens what the user captured — a folder, an archive, a sosreport, one capture or a transcript —
// and lists its files with the first lines of each, the manifest, the notes. Recognising and
// parsing them is the sources layer's (src/sources/parse.ts). Nothing the user gave is modified:
// archives unpack into a private temporary folder that cleanup() removes.
import { lstat, mkdtemp, open, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { SourceWarning } from '../types.js';
import { splitLines } from './lines.js';
import { MANIFEST_NAMES, readManifest } from './manifest.js';
import { InputError, type InputKind, type Manifest, type ManifestFile } from './types.js';
import { isSosReport, sosCommand, sosRelevant } from './sosreport.js';
import { removeOnInterrupt } from '../cleanup.js';
import { sniffArchive } from './archive-kind.js';
import { appendAll } from '../many-values.js';

/** notes.md is read whole and woven into the report: a notebook is a few KB, a megabyte is plenty. */
const NOTES_MAX_BYTES = 1024 * 1024;
const HEAD_BYTES = 64 * 1024;
const NOTES_NAMES = new Set(['notes.md']);
const DOC_NAMES = /^(readme|about)(\.[a-z]+)?$/i;
const SKIP_DIRS = new Set(['.git', 'node_modules', '.svn']);

/** One file of the bundle to recognise. */
export interface BundleFile {
  /** Citation path: relative to the bundle root (or the file's name for a single file). */
  file: string;
  /** Where it is on disk now (inside a temporary unpack folder for archives). */
  path: string;
  /** What the manifest (or a sos report's layout) says of it. */
  hint?: ManifestFile;
}

export interface OpenedBundle {
  input: string;
  inputKind: InputKind;
  /** The folder the files' `file` paths are relative to, on disk now (inside the unpack folder for an archive). */
  root: string;
  manifest: Manifest | null;
  files: BundleFile[];
  /** README / ABOUT files: read by people, not parsed. */
  docs: BundleFile[];
  warnings: SourceWarning[];
  notes: { file: string; text: string } | null;
  cleanup(): Promise<void>;
}

export async function openBundle(input: string): Promise<OpenedBundle> {
  const st = await lstat(input).catch(() => {
    throw new InputError(`${input}: no such file or folder`);
  });
  if (st.isDirectory()) return openFolder(input, input, 'folder', [], async () => {});
  if (!st.isFile()) throw new InputError(`${input}: not a regular file or folder`);
  const archive = await sniffArchive(input).catch((e: Error) => {
    throw new InputError(`${input}: cannot read: ${e.message}`);
  });
  if (archive) {
    // Archive support (tar-stream, yauzl, xz) loads only when an archive is given.
    const { unpack } = await import('./unpack.js');
    const dest = await mkdtemp(join(tmpdir(), 'fdleak-'));
    const forget = removeOnInterrupt(dest);
    const cleanup = async () => {
      await rm(dest, { recursive: true, force: true });
      forget();
    };
    try {
      const warnings = await unpack(input, archive, dest);
      return await openFolder(input, dest, 'archive', warnings, cleanup);
    } catch (err) {
      await cleanup();
      throw err;
    }
  }
  const file = { file: basename(input), path: input };
  return {
    input,
    inputKind: 'file',
    root: dirname(input),
    manifest: null,
    files: [file],
    docs: [],
    warnings: [],
    notes: null,
    cleanup: async () => {},
  };
}

async function openFolder(
  input: string,
  dir: string,
  kind: InputKind,
  warnings: SourceWarning[],
  cleanup: () => Promise<void>,
): Promise<OpenedBundle> {
  try {
    const root = await bundleRoot(dir);
    const names = await walk(root, warnings, input);
    const sos = isSosReport(names);
    let manifest: Manifest | null = null;
    const manifestName = names.find((f) => MANIFEST_NAMES.includes(f));
    if (manifestName) {
      const read = await readManifest(join(root, manifestName), manifestName);
      manifest = read.manifest;
      appendAll(warnings, read.warnings);
    }
    let notes: OpenedBundle['notes'] = null;
    const files: BundleFile[] = [];
    const docs: BundleFile[] = [];
    let skipped = 0;
    for (const file of names) {
      const path = join(root, file);
      const name = basename(file);
      if (file === manifestName) continue;
      if (NOTES_NAMES.has(name.toLowerCase()) && !file.includes('/')) {
        const size = (await lstat(path)).size;
        if (size > NOTES_MAX_BYTES)
          warnings.push({ file, message: `${size} bytes, over the ${NOTES_MAX_BYTES}-byte cap for notes: not woven into the report` });
        else notes = { file, text: await readFile(path, 'utf8') };
        continue;
      }
      if (DOC_NAMES.test(name)) {
        docs.push({ file, path });
        continue;
      }
      if (sos && !sosRelevant(file)) {
        skipped++;
        continue;
      }
      const hint = manifestEntry(manifest, file) ?? (sos ? sosCommand(file) : undefined);
      files.push(hint ? { file, path, hint } : { file, path });
    }
    if (manifest) {
      for (const f of manifest.files) {
        if (!names.includes(f.path)) warnings.push({ file: manifest.file, message: `lists ${f.path}, which is not in the bundle` });
      }
    }
    if (skipped > 0) warnings.push({ file: input, message: `sosreport: ${skipped} files not relevant to fd leaks were not read` });
    return { input, inputKind: sos ? 'sosreport' : kind, root, manifest, files, docs, warnings, notes, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
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
  return (
    manifest.files.find((f) => f.path === file) ?? manifest.files.find((f) => basename(f.path) === basename(file) && !f.path.includes('/'))
  );
}

/** The first lines of a file (at most 64 KiB, whole lines), whether that is all of it, and whether it is text. */
export interface Head {
  bytes: number;
  lines: string[];
  binary: boolean;
  complete: boolean;
}

export async function readHead(path: string): Promise<Head> {
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
