// Small string helpers that stay linear on hostile input. A pattern such as `/\/+$/` or `/0+$/` is
// tried at every position of a long run of the repeated character and goes quadratic; these walk
// the string once.

/** `s` without the trailing characters that are in `chars`: trimEndChars('a//', '/') → 'a'. */
export function trimEndChars(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return s.slice(0, end);
}

/** `s` without the leading characters that are in `chars`. */
export function trimStartChars(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s[start])) start++;
  return s.slice(start);
}

/** Lines joined into one, each trimmed, blank ones dropped: for text shown on one line. */
export function oneLine(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

/** A sentence's first letter in capitals ("no host time zone" → "No host time zone"). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The narrowest width a pasted terminal wraps a line at (80 columns, less a prompt's margin): a line
 * at least this long may go on in the line under it.
 */
export const TERMINAL_WRAP_WIDTH = 76;
