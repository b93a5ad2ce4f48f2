// Step 4: one regular file open many times in one process: each open without its close; older copies
// of one file a rotation renamed, still open (the reopen never closed the old one); files of one place.
import type { Rule, RuleOutcome } from './rule.js';
import { findingsForSignal } from './leak-signal.js';

export const rule: Rule = {
  id: 'same-file-open',
  step: 4,
  title: 'No process holds one file open many times',
  failureTitle: 'A process holds the same file open again and again',
  method:
    'A program that opens a file for each request or each retry and forgets to close it leaves one fd per call on the ' +
    'same path. In the fd listing it shows as the same NAME on row after row: `lsof -p PID | awk \'$5=="REG"{print $9}\' | ' +
    "sort | uniq -c | sort -nr | head` (or `ls -l /proc/PID/fd | awk '{print $NF}' | sort | uniq -c | sort -nr`). " +
    'A logger that reopens its log after a rotation and keeps the old fd shows the rotated names instead: `app.log.1`, ' +
    '`app.log.2` … beside `app.log`.',
  check(ctx): RuleOutcome[] {
    return findingsForSignal(ctx, ['same-file-open', 'rotated-files-held', 'file-pile', 'regular-files-held'], (s) =>
      s.id === 'file-pile'
        ? 'fds on files of one place'
        : s.id === 'rotated-files-held'
          ? 'fds on older, rotated copies of one file'
          : s.id === 'regular-files-held'
            ? 'fds on regular files, which files unknown'
            : 'fds on one file',
    );
  },
};
