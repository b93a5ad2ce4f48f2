// A mail's closing under a terminal paste left outside a code block (`Regards,`, the name under
// it) ends the command's output, as a sentence of prose does. Real lines: Perl/perl5#9053, a
// perlbug reply migrated from rt.perl.org (every mark backslash-escaped, `&nbsp;` before the name).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValediction } from '../../src/bundle/prose-line.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const PERL_9053 = [
  'Confirmed also for perl5\\.10\\.0@&#8203;32039 on amd64\\-freebsd\\. This seems to',
  'cause problems also in other modules\\. Here a \\(silly\\) example with',
  'Term&#8203;::Size&#8203;:',
  '',
  `$ limits \\-n 100 perl5\\.10\\.0 \\-Mblib \\-MTerm&#8203;::Size=chars \\-e 'for \\(1\\.\\.100\\) \\{ open\\(TTY\\, "/dev/tty"\\) or die "$\\! \\($i\\)"; $i\\+\\+; chars\\(\\\\\\*TTY\\); close TTY \\}'`,
  'Too many open files \\(97\\) at \\-e line 1\\.',
  '',
  'Regards\\,',
  '&nbsp;        Slaven',
  '',
];

test('a valediction alone on its line, its comma escaped or not', () => {
  for (const l of ['Regards,', 'Regards\\,', 'Best regards,', 'Thanks,', 'Cheers', 'Kind regards.', 'Thank you!'])
    assert.ok(isValediction(l), l);
  for (const l of ['Regards, Slaven', 'Thanks for the patch.', 'Too many open files', '  Regards,x']) assert.ok(!isValediction(l), l);
});

test("Perl/perl5#9053: the one-liner's EMFILE is read, the closing under it is no output", async () => {
  const result = await analyzeTranscript(PERL_9053.join('\n'), 'transcript.md');
  assert.equal(result.verdict, 'inconclusive');
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Too many open files/);
  assert.ok(!(result.suspects[0]?.ranOut?.message ?? '').includes('Regards'));
});
