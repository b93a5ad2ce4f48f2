// What kind of archive a file is, by its first bytes: apart from unpack.ts so that a bundle that is
// no archive (a folder, a single capture) never loads the archive readers (tar-stream, yauzl, zlib).
import { open } from 'node:fs/promises';

export type ArchiveKind = 'tar' | 'tar.gz' | 'tar.xz' | 'zip';

/** Recognises an archive by its first bytes (names lie). */
export async function sniffArchive(path: string): Promise<ArchiveKind | null> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(512);
    const { bytesRead } = await fh.read(buf, 0, 512, 0);
    if (bytesRead >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) return 'tar.gz';
    if (bytesRead >= 6 && buf.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return 'tar.xz';
    if (bytesRead >= 4 && buf.readUInt32LE(0) === 0x04034b50) return 'zip';
    if (bytesRead >= 262 && buf.toString('latin1', 257, 262) === 'ustar') return 'tar';
    return null;
  } finally {
    await fh.close();
  }
}
