// Two runtimes' error output that says a process ran out: Erlang/OTP's error_logger reports, whose
// `=ERROR REPORT==== date ===` header stamps the terms printed under it (mochiweb's
// `"{error,emfile}"`), and Julia's error with its `Stacktrace:` frames. Real lines: zotonic/zotonic#295
// and JuliaLang/julia#33207 (test/accuracy/cases/gh-zotonic-erlang-mochiweb-accept-emfile-log,
// gh-julia-glob-readdir-emfile-log).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beamReportRanOut } from '../../src/sources/ran-out-shapes.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

async function analyzeText(text: string) {
  return analyzeTranscript(text, 'transcript.md', now);
}

const ZOTONIC = [
  '=ERROR REPORT==== 20-Feb-2012::20:59:26 ===',
  '{mochiweb_socket_server,317,{acceptor_error,{error,accept_failed}}}',
  '=ERROR REPORT==== 20-Feb-2012::20:59:26 ===',
  '    application: mochiweb',
  '    "Accept failed error"',
  '    "{error,emfile}"',
  '=ERROR REPORT==== 20-Feb-2012::20:59:27 ===',
  '{mochiweb_socket_server,317,{acceptor_error,{error,accept_failed}}}',
];

test('an EMFILE term under a BEAM report header is a report that ran out', () => {
  assert.equal(beamReportRanOut(ZOTONIC), true);
  // The same term with no report header above it is not stamped by one.
  assert.equal(beamReportRanOut(ZOTONIC.slice(3)), false);
  // A header with nothing that ran out under it.
  assert.equal(beamReportRanOut([ZOTONIC[0], ZOTONIC[1]]), false);
});

test("mochiweb's error reports are read as a log that ran out, tied to no process", async () => {
  const text = `\`\`\`\n${ZOTONIC.slice(0, 2).join('\n')}\n\n${ZOTONIC.slice(2, 6).join('\n')}\n\n${ZOTONIC.slice(6).join('\n')}\n\`\`\`\n`;
  const result = await analyzeText(text);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /emfile/);
});

const JULIA = `\`\`\`
2               3873/3873   ZYWI00POL 19.709641 seconds (28.58 M allocations: 1.923 GiB, 2.32% gc time)
3                822/3714 :GOUT00USAERROR: LoadError: SystemError: unable to read directory /home/mount/case/data/: Too many open files
Stacktrace:
 [1] _glob!(::Array{String,1}, ::Glob.FilenameMatch{SubString{String}}) at /home/t/.julia/packages/Glob/lqFfd/src/Glob.jl:399
 [2] glob(::String, ::String) at /home/t/.julia/packages/Glob/lqFfd/src/Glob.jl:367
\`\`\`
`;

test("Julia's error and its Stacktrace frames are read as a log that ran out", async () => {
  const result = await analyzeText(JULIA);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /Too many open files/);
});
