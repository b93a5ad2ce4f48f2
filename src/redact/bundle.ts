// `fdleak redact BUNDLE --out DIR` and `collect --redact`: a redacted copy of a bundle, any input form
// (folder, archive, sos report, one transcript) → a folder. The input is read, never written. Each
// file is streamed line by line through redactText with the one map (its name too, so the manifest
// still names it), into a new file 0600 in a new folder 0700. Binary files are left out; for a sos
// report only the files fdleak reads are copied (the rest of it — configuration files full of
// secrets in formats no pattern knows — stays behind).
import { closeSync, createReadStream, existsSync, lstatSync, mkdirSync, readdirSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { ingest } from '../sources/parse.js';
import { MAX_LINE_BYTES } from '../bundle/lines.js';
import { createNew } from '../collect/safe-files.js';
import { binaryFile, bundleFiles, learnBundle } from './learn.js';
import type { RedactMap } from './map.js';
import { checkMapPath, inside, RedactError, writeMapFile } from './map-file.js';
import { redactText } from './text.js';

export interface RedactFileStats {
  lines: number;
  /** Lines longer than MAX_LINE_BYTES: cut there, the rest of each dropped (as the analysis reads them). */
  cutLines: number;
}

/** Writes `to` (new, 0600, never through a link) with every line of `from` redacted; memory is bounded by one chunk and one line. */
export async function redactFile(from: string, to: string, map: RedactMap): Promise<RedactFileStats> {
  const fd = createNew(to);
  const stats: RedactFileStats = { lines: 0, cutLines: 0 };
  try {
    const decoder = new StringDecoder('utf8');
    let carry = '';
    let skipping = false;
    const write = (s: string) => {
      const buf = Buffer.from(s);
      for (let at = 0; at < buf.length; ) at += writeSync(fd, buf, at);
    };
    const take = (chunk: string) => {
      let out = '';
      let pos = 0;
      for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', pos)) {
        if (skipping) skipping = false;
        else {
          let line = carry + chunk.slice(pos, nl);
          if (line.length > MAX_LINE_BYTES) {
            line = cut(line);
            stats.cutLines++;
          }
          out += redactText(line, map) + '\n';
          stats.lines++;
        }
        carry = '';
        pos = nl + 1;
      }
      if (!skipping) {
        carry += chunk.slice(pos);
        if (carry.length > MAX_LINE_BYTES) {
          out += redactText(cut(carry), map) + '\n';
          stats.lines++;
          stats.cutLines++;
          carry = '';
          skipping = true;
        }
      }
      if (out) write(out);
    };
    for await (const chunk of createReadStream(from, { highWaterMark: 1 << 20 })) take(decoder.write(chunk as Buffer));
    take(decoder.end());
    if (carry) {
      write(redactText(carry, map));
      stats.lines++;
    }
  } finally {
    closeSync(fd);
  }
  return stats;
}

/** A line cut at the cap, back to a space near it: half an address or name at the cut would not be recognised. */
function cut(line: string): string {
  const space = line.lastIndexOf(' ', MAX_LINE_BYTES);
  return line.slice(0, space > MAX_LINE_BYTES - 4096 ? space : MAX_LINE_BYTES);
}

export interface RedactBundleOptions {
  patterns?: readonly RegExp[];
  /** Write the map here (new, 0600); never inside `out`. */
  mapFile?: string;
}

export interface RedactBundleResult {
  out: string;
  written: { file: string; from: string; lines: number; cutLines: number }[];
  /** Files left out, and why (binary content). */
  skipped: { file: string; why: string }[];
  map: RedactMap;
}

/** Refuses an --out that is a file, a folder with something in it, or a place inside the bundle. */
export function checkOut(input: string, out: string): void {
  const abs = resolve(out);
  if (existsSync(abs) && (!statSync(abs).isDirectory() || readdirSync(abs).length > 0)) {
    throw new RedactError(`${out} exists and is not an empty folder`, 'choose another --out; fdleak redact never overwrites');
  }
  const st = lstatSync(resolve(input), { throwIfNoEntry: false });
  if (st?.isDirectory() && inside(abs, input))
    throw new RedactError(`${out} is inside the bundle ${input}`, 'the input is never modified; write the copy elsewhere');
}

/** A path of the bundle, each name redacted: `sosreport-web3/…` → `sosreport-host-1/…`, as the manifest will say. */
function redactPath(file: string, map: RedactMap): string {
  return file
    .split('/')
    .map((part) => {
      const r = redactText(part, map).replace(/[/\\\0]/g, '_');
      return r === '' || r === '.' || r === '..' ? part : r;
    })
    .join('/');
}

export async function redactBundle(input: string, out: string, opts: RedactBundleOptions = {}): Promise<RedactBundleResult> {
  checkOut(input, out);
  if (opts.mapFile) checkMapPath(opts.mapFile, [out]);
  const outAbs = resolve(out);
  const ingested = await ingest(resolve(input));
  try {
    const map = await learnBundle(ingested, { patterns: opts.patterns });
    mkdirSync(outAbs, { recursive: true, mode: 0o700 });
    const result: RedactBundleResult = { out: outAbs, written: [], skipped: [], map };
    const taken = new Set<string>();
    for (const f of bundleFiles(ingested)) {
      if (binaryFile(f.path)) {
        result.skipped.push({ file: f.file, why: 'binary content' });
        continue;
      }
      let rel = redactPath(f.file, map);
      // Two names that redact to one (web3.log and host-1.log) both stay.
      for (let n = 2; taken.has(rel); n++) rel = `${redactPath(f.file, map)}.${n}`;
      taken.add(rel);
      const dest = join(outAbs, rel);
      makeFolders(outAbs, dirname(dest));
      const stats = await redactFile(f.path, dest, map);
      result.written.push({ file: rel, from: f.file, ...stats });
    }
    if (opts.mapFile) writeMapFile(opts.mapFile, map, input);
    return result;
  } finally {
    await ingested.cleanup();
  }
}

/** The folders between `root` (made by us) and `dir`, each 0700. */
function makeFolders(root: string, dir: string): void {
  const missing: string[] = [];
  for (let d = dir; d !== root && !existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) mkdirSync(d, { mode: 0o700 });
}
