// The user's own patterns (`--redact-pattern REGEX`, repeatable): each must compile, must not match
// the empty string, and must run in linear time. That last is not guessed from the pattern's shape:
// the pattern is compiled for V8's linear-time engine (the `l` flag), which runs every pattern it
// accepts in time linear in the text — `(a+)+$` included — and refuses the ones no engine can
// (backreferences, lookaround, large counted repetitions). Flags: `/SOURCE/FLAGS` with m or s.
import { setFlagsFromString } from 'node:v8';

/** A pattern the user gave that cannot be used: the CLI prints it in one line and exits 2. */
class PatternError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserInputError';
  }
}

let linearEngine: boolean | null = null;

/** Turns on V8's linear-time regular-expression engine (it only serves patterns compiled with `l`). */
function enableLinearEngine(): boolean {
  if (linearEngine === null) {
    try {
      setFlagsFromString('--enable-experimental-regexp-engine');
      // biome-ignore lint/complexity/useRegexLiterals: a probe: the literal would not parse where the flag is unknown
      new RegExp('a', 'l');
      linearEngine = true;
    } catch {
      linearEngine = false;
    }
  }
  return linearEngine;
}

/** `/src/flags` → its parts; anything else is the source itself. */
function parts(text: string): { source: string; flags: string } {
  const end = text.lastIndexOf('/');
  if (text.startsWith('/') && end > 1 && /^[a-z]*$/.test(text.slice(end + 1)))
    return { source: text.slice(1, end), flags: text.slice(end + 1) };
  return { source: text, flags: '' };
}

export function compilePattern(text: string): RegExp {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  const { source, flags } = parts(text);
  for (const f of flags) {
    if (f !== 'm' && f !== 's')
      throw new PatternError(`--redact-pattern ${shown}: flag ${f} is not supported`, 'use m or s; for case, write [Aa]');
  }
  let plain: RegExp;
  try {
    plain = new RegExp(source, flags);
  } catch (err) {
    throw new PatternError(
      `--redact-pattern ${shown}: not a valid regular expression (${(err as Error).message.replace(/^Invalid regular expression: /, '')})`,
    );
  }
  if (plain.test('')) throw new PatternError(`--redact-pattern ${shown}: matches the empty string`, 'it would replace nothing everywhere');
  if (!enableLinearEngine())
    throw new PatternError("--redact-pattern needs V8's linear-time regular-expression engine, which this Node.js does not have");
  try {
    return new RegExp(source, `g${flags}l`);
  } catch {
    throw new PatternError(
      `--redact-pattern ${shown}: cannot run in linear time`,
      'backreferences, lookahead, lookbehind and large counted repetitions ({2,50}) are refused; a bundle line could make them run for ever',
    );
  }
}

export function compilePatterns(texts: readonly string[] | undefined): RegExp[] {
  return (texts ?? []).map(compilePattern);
}
