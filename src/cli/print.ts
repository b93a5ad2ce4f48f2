// The CLI's only way to write to the terminal: every byte of bundle text it prints goes through
// terminalText (test/security/terminal.test.ts holds the CLI to it).
import { terminalText } from '../terminal.js';

/** Writes lines to stdout, control characters made visible. */
export function out(text: string): void {
  process.stdout.write(terminalText(text));
}

/** Writes lines to stderr, control characters made visible. */
export function err(text: string): void {
  process.stderr.write(terminalText(text));
}

/** JSON for stdout: JSON.stringify escapes C0 controls itself, not DEL, C1 or U+2028/2029. */
export function outJson(value: unknown): void {
  process.stdout.write(
    JSON.stringify(value, null, 2).replace(
      /[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ) + '\n',
  );
}
