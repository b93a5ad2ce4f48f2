// What ingest hands to the analysis: one entry per recognised (or unrecognised) piece of evidence.
import type { ArtifactBase, SourceWarning } from '../types.js';

/** The input cannot be read at all (missing path, corrupt archive). The CLI exits 2. */
export class InputError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'InputError';
  }
}

export type InputKind = 'folder' | 'archive' | 'sosreport' | 'file' | 'transcript';

/** One file of the manifest (`manifest.yaml|yml|json`, schema fdleak/bundle@1). */
export interface ManifestFile {
  path: string;
  command?: string;
  startedAt?: string;
  endedAt?: string;
  exitCode?: number;
  stderr?: string;
  pid?: number;
  /** The content was written by hand to fill a gap in the original evidence (samples). */
  reconstructed?: boolean | string;
  truncated?: boolean;
  note?: string;
}

export interface Manifest {
  file: string;
  title?: string;
  ticket?: string;
  host?: string;
  timezone?: string;
  capturedAt?: string;
  suspectPid?: number;
  suspectReason?: string;
  missing?: { what: string; command: string; reason?: string }[];
  files: ManifestFile[];
}

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
  root?: string;
  manifest: Manifest | null;
  entries: IngestedEntry[];
  /** Problems of the bundle as a whole (refused archive members, unreadable files). */
  warnings: SourceWarning[];
  /** The analyst's notes (`notes.md`), woven into the report. */
  notes: { file: string; text: string } | null;
  /** Removes temporary files (unpacked archives). */
  cleanup(): Promise<void>;
}
