// Text from a bundle (a manifest title, thread names, strace write strings, log lines, file names)
// printed to a terminal: an ESC, BEL or CSI in it would set the window title, clear the screen or
// worse. Every control character is shown as an escape (`\x1b`) instead; line ends are kept where
// the output is made of lines, escaped where it must be one line.

/** C0 controls but TAB and LF, DEL, C1 controls (U+009B is a CSI), line/paragraph separators, bidi overrides and isolates. */
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\r') return '\\r';
  if (c === '\n') return '\\n';
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character visible; LF kept unless `oneLine`. */
export function terminalText(text: string, opts: { oneLine?: boolean } = {}): string {
  return text.replace(CONTROL, (c) => (c === '\n' && !opts.oneLine ? c : visible(c)));
}
