// A file name a writer hid before pasting: `/media/[REDACTED] (deleted)`, `/run/media/ptomato/(filename
// redacted)`, `/data/<file>`, `/srv/xxx`. Every row so redacted prints the same NAME whatever file it
// was, so the name says nothing of which rows are one file: two NODEs under it are two files, not a
// path made again after its unlink, and many rows under it are not one file opened again and again.

/** The longest last part looked at: a real file's name fits (NAME_MAX is 255). */
const MAX_PART = 300;

/** A placeholder standing for the whole name: `<file>`, `[name]`, `xxx`, `***`, `...`, `…`. */
const PLACEHOLDER = /^(?:<[^<>]{1,40}>|\[[^[\]]{1,40}\]|x{3,40}|\*{3,40}|\.{3}|…)$/i;

/** Whether the last part of `path` (its file's own name, ` (deleted)` aside) was redacted. */
export function redactedName(path: string): boolean {
  const name = path.endsWith(' (deleted)') ? path.slice(0, -' (deleted)'.length) : path;
  const slash = name.lastIndexOf('/');
  if (slash < 0) return false;
  const part = name.slice(slash + 1);
  if (part.length === 0 || part.length > MAX_PART) return false;
  return /redact/i.test(part) || PLACEHOLDER.test(part);
}
