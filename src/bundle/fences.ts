// Markdown's code fences, as the bundle's readers tell them: the one place that says what a fence
// line is. Two readings, on purpose:
// - FENCE (the transcript's splitter, indented-code.ts, span-output.ts): a line that opens or
//   closes a block in a pasted thread, at any indent (a reply's block under a list item), three
//   backticks or tildes first; a line of backticks that a backtick after its text closes again
//   (```` ```text``` ````) is a code span, GitHub renders it inline, not a block.
// - FENCE_LINE (open-block-end.ts): CommonMark's own, for telling where a block closes: at most
//   three blanks, the marker's whole run (a closing fence is the opener's kind) and its info.
// The report's notes (report/notes.ts) read a file the user wrote, not a paste, with CommonMark's
// rule of its own.

/** A fence's marker: three backticks or three tildes (a longer run starts with them). */
export const FENCE_MARK = '(?:```|~~~)';

/** A fence line in a paste; a line of backticks with a backtick after its info (```` ```text``` ````) is a code span, not one. */
export const FENCE = new RegExp(`^\\s*(${FENCE_MARK})\`*(?![^\`]{0,4000}\`)`);

/**
 * CommonMark's fence line: its marker (three or more backticks or tildes, the whole run: what
 * follows starts with another character, so the split is one and the match linear) and what
 * follows on the line.
 */
export const FENCE_LINE = /^[ \t]{0,3}(`{3,}(?!`)|~{3,}(?!~))([^\n]{0,4000})$/;
