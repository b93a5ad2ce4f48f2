// The CloudWatch Logs console's rows as a copy keeps them (`  | TIME | message`): read as log lines
// stamped by that time. Real lines: parse-community/parse-server#6716 (a ws WebSocketServer's
// `Error: accept EMFILE`) and vercel/next.js#37746 (Next.js's `[Error: EMFILE: …, scandir …] {`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consoleRowLine, unrowConsoleTable } from '../../src/bundle/console-rows.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const PARSE_SERVER = [
  '  | 2020-05-28T08:12:58.648+10:00 | /parse-server/lib/ParseServer.js:231',
  '  | 2020-05-28T08:12:58.648+10:00 | throw err;',
  '  | 2020-05-28T08:12:58.648+10:00 | ^',
  '  | 2020-05-28T08:12:58.648+10:00 | Error: accept EMFILE',
  '  | 2020-05-28T08:12:58.648+10:00 | at TCP.onconnection (net.js:1534:24)',
  "  | 2020-05-28T08:12:58.648+10:00 | Emitted 'error' event on WebSocketServer instance at:",
  '  | 2020-05-28T08:12:58.648+10:00 | at Server.emit (events.js:315:20)',
  '  | 2020-05-28T08:12:58.648+10:00 | at Server.EventEmitter.emit (domain.js:482:12)',
  '  | 2020-05-28T08:12:58.648+10:00 | at TCP.onconnection (net.js:1534:10) {',
  "  | 2020-05-28T08:12:58.648+10:00 | errno: 'EMFILE',",
  "  | 2020-05-28T08:12:58.648+10:00 | code: 'EMFILE',",
  "  | 2020-05-28T08:12:58.648+10:00 | syscall: 'accept'",
  '  | 2020-05-28T08:12:58.648+10:00 | }',
];

test('a console row is its time and its message', () => {
  assert.equal(consoleRowLine(PARSE_SERVER[3]), '2020-05-28T08:12:58.648+10:00 Error: accept EMFILE');
  assert.equal(consoleRowLine('| a | b |'), null);
  assert.equal(consoleRowLine('Error: accept EMFILE'), null);
});

test('a block of console rows is rewritten; a block with any other line, or one row alone, is not', () => {
  const rows = PARSE_SERVER.slice();
  unrowConsoleTable(rows, 0, rows.length);
  assert.equal(rows[3], '2020-05-28T08:12:58.648+10:00 Error: accept EMFILE');
  assert.equal(rows[12], '2020-05-28T08:12:58.648+10:00 }');
  const mixed = [...PARSE_SERVER.slice(0, 4), 'Error: accept EMFILE'];
  unrowConsoleTable(mixed, 0, mixed.length);
  assert.equal(mixed[3], PARSE_SERVER[3]);
  const one = [PARSE_SERVER[3]];
  unrowConsoleTable(one, 0, 1);
  assert.equal(one[0], PARSE_SERVER[3]);
});

test("parse-server's CloudWatch rows: the accept EMFILE line, unowned, nobody blamed", async () => {
  const result = await analyzeTranscript(['### Issue Description', '', '```', ...PARSE_SERVER, '```', ''].join('\n'), 'transcript.md');
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /accept EMFILE/);
});

test("Next.js's CloudWatch rows: the scandir EMFILE error object's head line", async () => {
  const block = [
    "  | 2022-06-16T03:14:48.017+02:00 | [Error: EMFILE: too many open files, scandir '/app/.next/cache/images/4t-jU1svM5H2BHAuzoSwQCYTbEmUiwwEnC6-ZxqbI44='] {",
    '  | 2022-06-16T03:14:48.017+02:00 | errno: -24,',
    "  | 2022-06-16T03:14:48.017+02:00 | code: 'EMFILE',",
    "  | 2022-06-16T03:14:48.017+02:00 | syscall: 'scandir',",
    "  | 2022-06-16T03:14:48.017+02:00 | path: '/app/.next/cache/images/4t-jU1svM5H2BHAuzoSwQCYTbEmUiwwEnC6-ZxqbI44='",
  ];
  const result = await analyzeTranscript(['Example output:', '', '```', ...block, '```', ''].join('\n'), 'transcript.md');
  assert.equal(result.verdict, 'inconclusive');
  assert.match(result.unownedRanOut?.message ?? '', /EMFILE: too many open files, scandir/);
});
