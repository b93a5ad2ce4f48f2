// Packs a finished bundle folder as .tar.gz: with the tar command, or tar-stream when there is none.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pack } from 'tar-stream';

export function isArchiveOut(out: string): boolean {
  return /\.(tar\.gz|tgz)$/i.test(out);
}

/** `incident.tar.gz` → `incident`: the folder name inside the archive. */
export function archiveBase(out: string): string {
  return posix.basename(out.replace(/\\/g, '/')).replace(/\.(tar\.gz|tgz)$/i, '');
}

/** Writes `archive` holding `parent/name/**` under the top folder `name/`. */
export async function packFolder(parent: string, name: string, archive: string, tarPath: string | undefined): Promise<void> {
  if (tarPath) {
    await new Promise<void>((resolveTar, reject) => {
      const child = spawn(tarPath, ['-czf', archive, '-C', parent, name], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolveTar() : reject(new Error(`tar exited ${code}: ${err.trim()}`))));
    });
    return;
  }
  const tar = pack();
  const done = pipeline(tar, createGzip(), createWriteStream(archive, { mode: 0o600 }));
  const walk = async (rel: string): Promise<void> => {
    const full = join(parent, rel);
    const st = statSync(full);
    if (st.isDirectory()) {
      tar.entry({ name: `${rel}/`, type: 'directory', mode: 0o700, mtime: st.mtime });
      for (const child of readdirSync(full).sort()) await walk(posix.join(rel, child));
    } else if (st.isFile()) {
      const entry = tar.entry({ name: rel, size: st.size, mode: 0o600, mtime: st.mtime });
      await pipeline(createReadStream(full), entry);
    }
  };
  await walk(name);
  tar.finalize();
  await done;
}
