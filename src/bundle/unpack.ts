// Unpacks .tar, .tar.gz/.tgz, .tar.xz and .zip archives into a private temporary folder, safely:
// no member may land outside that folder (absolute paths, `..`, links are refused), and sizes
// are capped so a hostile or corrupt archive cannot fill the disk.
import { constants, createReadStream } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import * as tar from 'tar-stream';
import yauzl from 'yauzl';
import type { SourceWarning } from '../types.js';
import { InputError } from './types.js';
import type { ArchiveKind } from './archive-kind.js';

export interface UnpackLimits {
  /** Total bytes written. */
  maxTotalBytes: number;
  /** Bytes of one member. */
  maxEntryBytes: number;
  maxEntries: number;
}

const DEFAULT_LIMITS: UnpackLimits = {
  maxTotalBytes: envNumber('FDLEAK_MAX_UNPACK_BYTES', 8 * 1024 ** 3),
  maxEntryBytes: envNumber('FDLEAK_MAX_ENTRY_BYTES', 4 * 1024 ** 3),
  maxEntries: envNumber('FDLEAK_MAX_ENTRIES', 200_000),
};

function envNumber(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Linux's limits: a name in a path (NAME_MAX), and a whole path with its NUL (PATH_MAX). */
const NAME_MAX_BYTES = 255;
const PATH_MAX_BYTES = 4096;

/** The safe destination of a member, or a reason to refuse it (that member alone). */
export function safeMemberPath(root: string, name: string): { path: string } | { refused: string } {
  const clean = name.replace(/\\/g, '/');
  if (clean === '' || clean.includes('\0')) return { refused: 'empty or invalid name' };
  if (isAbsolute(clean) || /^[A-Za-z]:/.test(clean)) return { refused: 'absolute path' };
  if (clean.split('/').includes('..')) return { refused: 'path escapes the archive folder (..)' };
  if (clean.split('/').some((part) => Buffer.byteLength(part) > NAME_MAX_BYTES))
    return { refused: `a name in its path is longer than ${NAME_MAX_BYTES} bytes` };
  const dest = normalize(join(root, clean));
  if (dest !== root && !dest.startsWith(root + sep)) return { refused: 'path escapes the archive folder' };
  if (Buffer.byteLength(dest) >= PATH_MAX_BYTES) return { refused: `its path is longer than ${PATH_MAX_BYTES - 1} bytes once unpacked` };
  return { path: dest };
}

/** Errors of one member's own path (a file where its folder should be, a name the file system refuses): that member is refused. */
const MEMBER_ERRORS = new Set(['ENAMETOOLONG', 'ENOTDIR', 'EISDIR', 'EEXIST', 'ELOOP', 'EINVAL']);

/**
 * Opens a member's file for writing, its folders made first; null (and the member refused) when its
 * path cannot exist here. O_NOFOLLOW: nothing in the folder is a link, and none is followed.
 */
async function openMember(path: string, name: string, refuse: (name: string, why: string) => void): Promise<FileHandle | null> {
  try {
    await mkdir(dirname(path), { recursive: true });
    return await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (!MEMBER_ERRORS.has(code)) throw err;
    refuse(name, `cannot be unpacked here (${code})`);
    return null;
  }
}

interface Budget {
  total: number;
  entries: number;
}

/** Counts bytes through a stream and fails it when a cap is passed. */
function capped(name: string, budget: Budget, limits: UnpackLimits): Transform {
  let own = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      own += chunk.length;
      budget.total += chunk.length;
      if (own > limits.maxEntryBytes)
        return cb(
          new InputError(
            `archive member ${name} is larger than ${limits.maxEntryBytes} bytes`,
            'raise FDLEAK_MAX_ENTRY_BYTES if it is genuine',
          ),
        );
      if (budget.total > limits.maxTotalBytes)
        return cb(
          new InputError(`archive unpacks to more than ${limits.maxTotalBytes} bytes`, 'raise FDLEAK_MAX_UNPACK_BYTES if it is genuine'),
        );
      cb(null, chunk);
    },
  });
}

export async function unpack(
  archive: string,
  kind: ArchiveKind,
  dest: string,
  limits: UnpackLimits = DEFAULT_LIMITS,
): Promise<SourceWarning[]> {
  const warnings: SourceWarning[] = [];
  const budget: Budget = { total: 0, entries: 0 };
  const links: string[] = [];
  // Links are common and harmless in sosreports (proc/net -> self/net): one warning for all.
  const refuse = (name: string, why: string) =>
    why.startsWith('symlink') || why.startsWith('link')
      ? links.push(name)
      : warnings.push({
          file: archive,
          message: `refused archive member ${JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}…` : name)}: ${why}`,
        });
  try {
    if (kind === 'zip') await unpackZip(archive, dest, limits, budget, refuse);
    else await unpackTar(archive, kind, dest, limits, budget, refuse);
    if (links.length > 0) {
      warnings.push({
        file: archive,
        message: `${links.length} link member${links.length === 1 ? '' : 's'} not unpacked (links are not followed), e.g. ${links.slice(0, 3).join(', ')}`,
      });
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot unpack ${archive}: ${(err as Error).message}`, 'is the archive complete?');
  }
  return warnings;
}

async function tarSource(archive: string, kind: ArchiveKind): Promise<Readable> {
  const file = createReadStream(archive);
  if (kind === 'tar') return file;
  if (kind === 'tar.gz') return file.pipe(createGunzip());
  // A CommonJS module: its exports arrive on `default`.
  const mod = (await import('xz-decompress')) as unknown as {
    XzReadableStream?: typeof import('xz-decompress').XzReadableStream;
    default?: { XzReadableStream: typeof import('xz-decompress').XzReadableStream };
  };
  const XzReadableStream = mod.XzReadableStream ?? mod.default!.XzReadableStream;
  const web = Readable.toWeb(file) as unknown as ReadableStream<Uint8Array>;
  return Readable.fromWeb(new XzReadableStream(web) as unknown as import('node:stream/web').ReadableStream<Uint8Array>);
}

async function unpackTar(
  archive: string,
  kind: ArchiveKind,
  dest: string,
  limits: UnpackLimits,
  budget: Budget,
  refuse: (name: string, why: string) => void,
): Promise<void> {
  const extract = tar.extract();
  const source = await tarSource(archive, kind);
  const done = (async () => {
    for await (const entry of extract) {
      const h = entry.header;
      if (++budget.entries > limits.maxEntries) throw new InputError(`archive has more than ${limits.maxEntries} members`);
      if (h.type === 'directory') {
        entry.resume();
        continue;
      }
      if (h.type !== 'file' && h.type !== 'contiguous-file') {
        if (h.type === 'symlink' || h.type === 'link') refuse(h.name, `${h.type} (links are not followed)`);
        else refuse(h.name, `special member (${h.type})`);
        entry.resume();
        continue;
      }
      const target = safeMemberPath(dest, h.name);
      if ('refused' in target) {
        refuse(h.name, target.refused);
        entry.resume();
        continue;
      }
      const file = await openMember(target.path, h.name, refuse);
      if (!file) {
        entry.resume();
        continue;
      }
      await pipeline(entry, capped(h.name, budget, limits), file.createWriteStream());
    }
  })();
  await Promise.all([pipeline(source, extract), done]);
}

async function unpackZip(
  archive: string,
  dest: string,
  limits: UnpackLimits,
  budget: Budget,
  refuse: (name: string, why: string) => void,
): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.open(archive, { lazyEntries: true, autoClose: true, validateEntrySizes: true, decodeStrings: false }, (e, z) =>
      e ? rej(e) : res(z!),
    ),
  );
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      void (async () => {
        if (++budget.entries > limits.maxEntries) throw new InputError(`archive has more than ${limits.maxEntries} members`);
        // decodeStrings: false keeps yauzl from failing the whole archive on one bad name; we judge names ourselves.
        const name = (entry.fileName as unknown as Buffer).toString('utf8');
        if (name.endsWith('/')) return;
        // Unix mode in the high 16 bits: 0o120000 is a symlink.
        if (((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000) return refuse(name, 'symlink (links are not followed)');
        const target = safeMemberPath(dest, name);
        if ('refused' in target) return refuse(name, target.refused);
        if (entry.uncompressedSize > limits.maxEntryBytes)
          throw new InputError(`archive member ${name} is larger than ${limits.maxEntryBytes} bytes`);
        const file = await openMember(target.path, name, refuse);
        if (!file) return;
        const stream = await new Promise<Readable>((res, rej) => zip.openReadStream(entry, (e, s) => (e ? rej(e) : res(s!))));
        await pipeline(stream, capped(name, budget, limits), file.createWriteStream());
      })().then(() => zip.readEntry(), reject);
    });
    zip.readEntry();
  });
}
