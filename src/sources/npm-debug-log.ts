// npm's debug log (npm-debug.log up to npm 4, ~/.npm/_logs/<time>-debug-0.log since npm 5) numbers
// each record and names its level, with no time and no pid; a record spread over several lines
// repeats its number:
//   12 verbose stack Error: EMFILE, readdir '/Users/x/node_modules/shelljs'
//   19 error code EMFILE
//   1 verbose cli [ 'node',
// npm's levels (npmlog, proc-log): silly, verbose, timing, http, info, notice, warn, error.
// Linear: a bounded number, one space, a fixed word, a space.
const NPM_LOG_LINE = /^\d{1,9} (?:silly|verbose|timing|http|info|notice|warn|error) /;

/** Whether a line is a record of npm's debug log (`N level message`). */
export function npmLogLine(text: string): boolean {
  return NPM_LOG_LINE.test(text);
}
