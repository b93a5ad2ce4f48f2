// A log record left outside the fences of a Markdown paste (the log unfenced, the code quoted under
// it fenced) is a line of output of its own; so is one that opens with a time alone before a blank
// (Kodi's log). Real lines: WayneD/script.tv.show.next.aired#6
// (test/accuracy/cases/gh-kodi-addon-next-aired-errno24-thread-log).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareLogRecord } from '../../src/bundle/code-spans.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

const KODI = [
  'Log:',
  '12:55:52 T:140662057989888   ERROR: Traceback (most recent call last):',
  '12:55:52 T:140662057989888   ERROR:   File "/home/user/.kodi/addons/script.tv.show.next.aired/default.py", line 1210, in load_file',
  "12:55:52 T:140662057989888   ERROR: IOError: [Errno 24] Too many open files: u'/home/user/.kodi/userdata/addon_data/script.tv.show.next.aired/country.db'",
  '',
  'Code:',
  '```',
  '    @staticmethod',
  '    def load_file(file_path):',
  '        try:',
  '            return eval(file(file_path, "r").read())',
  '```',
];

test("Kodi's time-first record that says it ran out is a bare log record; prose and a clock in a sentence are not", () => {
  assert.equal(bareLogRecord(KODI[3]), true);
  assert.equal(bareLogRecord(KODI[1]), false);
  assert.equal(bareLogRecord('At 12:55:52 it said Too many open files.'), false);
  assert.equal(bareLogRecord('12:55:52: Too many open files'), false);
});

test('the unfenced record above a fenced block is read as an output of its own', () => {
  const items = splitTranscript(KODI);
  const record = items.find((it) => it.output.some((o) => o.text.includes('[Errno 24]')));
  assert.ok(record, 'the Errno 24 line is an output');
  assert.equal(record.command, null);
  assert.deepEqual(
    record.output.map((o) => o.line),
    [4],
  );
});

// mpromonet/webrtc-streamer#39 (accuracy round 103): the program's stderr pasted as plain text above
// the bare commands of the comment, in perror(3)'s shape, with no time.
const WEBRTC_STREAMER = [
  'Description: After a while when using webrtc streamer with a lot of rtsp different sources webrtc-streamer crash and prints to stderr:',
  '',
  'Failed to DESCRIBE: unable to create stream socket: Too many open files',
  '[err] evsignal_init: socketpair: Too many open files',
  '',
  'for each camera switch',
  'sudo lsof | grep <pid> | wc -l',
  'it increase for about 2000+',
];

test("perror(3)'s line, `what: Too many open files`, is a bare log record; a sentence or a title quoting it is not", () => {
  assert.equal(bareLogRecord(WEBRTC_STREAMER[2]), true);
  assert.equal(bareLogRecord(WEBRTC_STREAMER[3]), true);
  assert.equal(bareLogRecord('We keep getting this error in the log, and then it crashes: Too many open files.'), false);
  assert.equal(bareLogRecord('# podman: "ulimit test: Too many open files"'), false);
  assert.equal(bareLogRecord('  indented: Too many open files'), false);
  const items = splitTranscript(WEBRTC_STREAMER);
  const texts = items.flatMap((it) => it.output.map((o) => o.text));
  assert.ok(texts.includes(WEBRTC_STREAMER[2]));
  assert.ok(texts.includes(WEBRTC_STREAMER[3]));
});
