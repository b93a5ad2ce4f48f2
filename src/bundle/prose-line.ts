// A sentence of prose under a terminal paste left outside a code block: an issue's text often goes
// on after the output (`The reporter suspected the tail input never closes …`), and a shell prints
// no such line.

/** A plain word of a sentence: letters (an apostrophe), a punctuation mark after it. */
const PLAIN_WORD = /^[A-Za-z][a-z'’-]{0,30}[,.;:!?)]?$/;
/** Longer lines are no sentence. */
const MAX_SENTENCE = 500;

/**
 * Whether a line is a sentence: it starts with a capital letter (not indented, as a program's
 * continued message is: lsof's `      Output information may be incomplete.`) and ends with `.`, `!` or `?`,
 * has no tab and no fd link (` -> `), and has five words or more, at least 80 % of them plain words
 * of letters — or is a question of two plain words or more and nothing else (`Any idea?`). A program's message rarely ends with a full stop and holds numbers, paths and names
 * (`Caused by: java.io.IOException: Too many open files`, a journal line's time and host).
 */
export function isProseSentence(line: string): boolean {
  const text = line.trim();
  if (text.length > MAX_SENTENCE || line.includes('\t') || text.includes(' -> ')) return false;
  if (isCjkSentence(text)) return true;
  if (!/^[A-Z]/.test(line) || !/[.!?]$/.test(text)) return false;
  const { words, plain } = plainWords(text);
  // A short question of plain words only (`Any idea?`, `Any thoughts?`) is how an issue's text goes
  // on after a paste; a program asking something prints its choices or a path with it.
  if (text.endsWith('?') && words >= 2 && plain === words) return true;
  return words >= 5 && plain >= words * 0.8;
}

/** A character of Chinese, Japanese or Korean text. */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** The marks that end a sentence in CJK text (full-width), or a Korean one's full stop. */
const CJK_END = /[。！？.!?]$/u;
/** Fewer CJK characters are a label or a localised message's words, no sentence. */
const MIN_CJK_CHARS = 8;

/**
 * A sentence of Chinese, Japanese or Korean prose (a blog's `如果看到類似以下訊息,…,所以硬碟空間並沒有被釋放掉。`):
 * at least eight CJK characters, half or more of the line's non-blank ones, ending with a sentence's
 * mark, and not led by a digit or a bracket as a log record is (a time, `[INFO]`). A localised
 * program message rarely ends with `。` (`ls: 无法访问 'x': 没有那个文件或目录`).
 */
function isCjkSentence(text: string): boolean {
  if (!CJK_END.test(text) || /^[\d[(<]/.test(text)) return false;
  let cjk = 0;
  let other = 0;
  for (const ch of text) {
    if (ch === ' ') continue;
    if (CJK_CHAR.test(ch)) cjk++;
    else other++;
  }
  return cjk >= MIN_CJK_CHARS && cjk >= other;
}

/** The words of a line (split at blanks) and how many of them are plain words of a sentence. */
export function plainWords(line: string): { words: number; plain: number } {
  const words = line.trim().split(/ +/);
  return { words: words.length, plain: words.filter((w) => PLAIN_WORD.test(w)).length };
}

/** A wrapped sentence is joined over this many lines at most. */
const MAX_WRAPPED_LINES = 6;

/**
 * Whether a paragraph of prose starts at `lines[i]`: a sentence on its line, or one a mail or a
 * tracker wrapped over the lines under it (debian-isp's `Why is the number of file handles in use
 * (3513) so high, comparing to the` / `size of lsof report ? `), joined up to the first line that
 * ends one, a blank, a tab or an indented line (a program's continued message), six lines at most.
 */
export function startsProseParagraph(lines: readonly string[], i: number, to: number): boolean {
  const first = lines[i] ?? '';
  if (isProseSentence(first)) return true;
  if (!/^[A-Z]/.test(first) || /[.!?]\s*$/.test(first)) return false;
  let joined = first.trim();
  const end = Math.min(to, i + MAX_WRAPPED_LINES);
  for (let j = i + 1; j < end; j++) {
    const next = lines[j];
    if (next.trim() === '' || /^\s/.test(next) || next.includes('\t')) return false;
    joined = `${joined} ${next.trim()}`;
    if (/[.!?]$/.test(joined)) return isProseSentence(joined);
  }
  return false;
}

/**
 * A mail's closing under its last paste: a valediction alone on its line (`Regards,`, `Best
 * regards,`, `Thanks,`, `Cheers,`; its comma escaped as a ticket migrated from rt.perl.org writes
 * it, `Regards\,`), the writer's name under it. A shell prints no such line; the lines from it on
 * are no output of the command above.
 */
export function isValediction(line: string): boolean {
  return VALEDICTION.test(line.trimEnd());
}

const VALEDICTION =
  /^(?:(?:Best|Kind|Warm|Many) )?(?:[Rr]egards|Thanks|Thank you|Cheers|Greetings|Sincerely|Best wishes|Yours)(?: again)?(?:\\?[,.!])?$/;

/**
 * The line a copy of an issue thread heads each turn with: its writer's login, the turn's kind and
 * its date (`rgerhards · comment · 2022-05-25`, `pbdger · description · 2021-07-21`). A shell prints
 * no such line; under a blank line it starts the next turn, whose text is no output of the command
 * above (rsyslog#4880's lsof rows, then the maintainer's reply).
 */
export function isThreadTurnHeader(line: string): boolean {
  return THREAD_TURN.test(line.trimEnd());
}

const THREAD_TURN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,38}(?:\[bot\])? · (?:description|comment|review|review thread) · \d{4}-\d{2}-\d{2}$/;

/**
 * A bold line of an issue's text alone on its line, HTML's `<b>` or `<strong>` around words that
 * start with a capital: the questions of Google Code's issue template, kept as HTML when its issues
 * were imported to GitHub (`<b>What version of the product are you using? On what operating
 * system?</b>`, gevent#18, cherokee/webserver#429). A shell prints no such line; under a blank line
 * it heads the next section, no output of the command above.
 */
export function isBoldHeading(line: string): boolean {
  return BOLD_HEADING.test(line.trimEnd());
}

const BOLD_HEADING = /^<(b|strong)>[A-Z][^<>\n]{0,300}<\/\1>$/;
