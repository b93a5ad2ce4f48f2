// What ingest hands to the analysis: one entry per recognised (or unrecognised) piece of evidence.

/** The input cannot be read at all (missing path, corrupt archive). The CLI exits 2. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
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
