// `go test`'s report of a failed (or verbose) test: the result line, then each `t.Log`/`t.Error`
// record indented under it, led by its file and line, every further line of the message indented
// one level deeper (Go before 1.14 a tab and two tabs, since then four and eight blanks):
//   `--- FAIL: TestPipeLookPathLeak (0.97s)`
//   `\texec_test.go:314: leaked 4 fds; want ~0; have:`
//   `\t\tCOMMAND     PID USER   FD      TYPE DEVICE SIZE/OFF    NODE NAME`
// (golang/go#19243, #25628, #10206). A test that prints another tool's output in its message (its
// own `lsof -p`, the child's stdout) has it indented so; the records are read as what they say:
// the message without the indent and the location, its further lines without the two levels.

/** The result line of one test (a subtest's indented under its parent's): its indent. */
const RESULT = /^([ \t]{0,16})--- (?:FAIL|PASS|SKIP): \S{1,200} \(\d{1,6}(?:\.\d{1,3})?s\)\s*$/;
/** One record's first line: the indent, the file and line go test puts before the message. */
const RECORD = /^([ \t]{1,20})[\w.-]{1,100}\.go:\d{1,7}: /;
/** One level of go test's indent: a tab, or four blanks. */
const LEVELS = ['\t', '    '];

/**
 * Rewrites, in place, the records under each `--- FAIL:`/`--- PASS:`/`--- SKIP:` line in lines
 * [from, to): a record's first line becomes its message, its further lines lose the record's indent
 * and one level more. Lines that are neither end the records of that result line.
 */
export function unindentGoTestLog(lines: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const result = RESULT.exec(lines[i]);
    if (!result) continue;
    let j = i + 1;
    while (j < to) {
      const record = RECORD.exec(lines[j]);
      if (!record || !LEVELS.some((l) => record[1] === result[1] + l)) break;
      const deeper = LEVELS.map((l) => record[1] + l);
      lines[j] = lines[j].slice(record[0].length);
      j++;
      while (j < to) {
        const line = lines[j];
        const level = deeper.find((d) => line.startsWith(d));
        if (level !== undefined) lines[j] = line.slice(level.length);
        else if (line.trim() === '' && line.startsWith(record[1])) lines[j] = '';
        else break;
        j++;
      }
    }
    i = j - 1;
  }
}
