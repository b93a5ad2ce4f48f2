// Which log line a result quotes for where a process ran out: a stamped record before a sentence
// of prose that quotes the error. otel-desktop-viewer's transcript (CtrlSpice/otel-desktop-viewer#83,
// gh-otel-desktop-viewer-accept-emfile-other-host-lsof, accuracy round 39).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotedLog } from '../../src/model/root-cause.js';
import type { OwnedLog } from '../../src/model/log-owners.js';

const log = (line: number, text: string): OwnedLog => ({
  file: 'transcript.md',
  basis: 'test',
  emfile: 1,
  enfile: 0,
  samples: [{ errno: 'EMFILE', ev: { file: 'transcript.md', line, text } }],
});

const PROSE = log(3, 'Source: https://github.com/CtrlSpice/otel-desktop-viewer/issues/83 (issue "Too many open files",');
const STAMPED = log(9, '2023/02/14 08:55:29 http: Accept error: accept tcp 127.0.0.1:4318: accept: too many open files; retrying in 10ms');

test('the stamped record is quoted, though a prose line that quotes the error comes first', () => {
  assert.equal(quotedLog([PROSE, STAMPED])?.line.ev.line, 9);
});

test('with no stamped record, the first line that says it ran out is quoted', () => {
  assert.equal(quotedLog([PROSE])?.line.ev.line, 3);
  assert.equal(quotedLog([]), null);
});

// blog-mastertheboss-java-lsof-mem-row-beside-fd-row (accuracy round 228): a tutorial's opening
// sentence names the error, the JVM's lines follow, none stamped.
const SCENARIO = log(
  1,
  'Scenario: Your application log displays the error message “Too many Open Files“. As a result, application requests are failing and you need to restart the application. In some cases, you also need to reboot your machine. In this article we will discuss File handling best practices and how to prevent File leaks in Java with proper resource management.',
);
const FACTS = log(3, 'Facts: The JVM console (or log file) contains the following error: filename (Too many open files)');

test('with no stamped record, a sentence of prose gives way to the first line that is no sentence', () => {
  assert.equal(quotedLog([SCENARIO, FACTS])?.line.ev.line, 3);
  assert.equal(quotedLog([SCENARIO])?.line.ev.line, 1);
});
