// Lines that say a process ran out in words the log reader did not know: glibc's strerror(EMFILE)
// and strerror(ENFILE) in other locales (every libc.mo of glibc 2.36 that translates them), in a German locale under a Java stack (eclipse-archived/smarthome#3875), and EMQX's esockd
// acceptor and an Erlang exit value whose reason is the `emfile` atom (emqx/emqx#1816). Real lines:
// test/accuracy/cases/gh-smarthome-jetty-accept-zu-viele-offene-dateien-log-only,
// gh-emqx-acceptor-suspend-emfile-errors-log-only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

async function analyzeText(text: string) {
  return analyzeTranscript(text, 'transcript.md', now);
}

const JETTY = [
  '2017-07-17 11:39:31.782 [WARN ] [eclipse.jetty.server.ServerConnector] - ',
  'java.io.IOException: Zu viele offene Dateien',
  '\tat sun.nio.ch.ServerSocketChannelImpl.accept0(Native Method)[:1.8.0_131]',
  '\tat sun.nio.ch.ServerSocketChannelImpl.accept(ServerSocketChannelImpl.java:422)[:1.8.0_131]',
  '\tat java.lang.Thread.run(Thread.java:748)[:1.8.0_131]',
];

const EMQX_ACCEPTOR =
  '(emqttd@127.0.0.1)1> 14:01:12.068 [error] [error] acceptor on 0.0.0.0:1883 suspend 100(ms) for 2600 emfile errors!!!';
const EMQX_EXIT =
  '{emfile,[{erlang,open_port,[{spawn,"\\"/usr/lib64/emqttd/lib/os_mon-2.4.2/priv/bin/cpu_sup\\""},[stream]],[]},{cpu_sup,start_portprogram,0,[{file,"cpu_sup.erl"},{line,718}]}]}';

test("glibc's EMFILE and ENFILE texts in other locales say a process ran out", () => {
  assert.equal(ranOutErrno(JETTY[1] ?? ''), 'EMFILE');
  assert.equal(ranOutErrno('open: Trop de fichiers ouverts'), 'EMFILE');
  assert.equal(ranOutErrno('socket: Zu viele offene Dateien im System'), 'ENFILE');
  assert.equal(ranOutErrno('accept: Слишком много открытых файлов в системе'), 'ENFILE');
  // Every locale glibc translates them in, also where ENFILE's text does not hold EMFILE's (ca, uk,
  // zh_TW, tr) or spells it differently (sl): copied from glibc 2.36's libc.mo.
  assert.equal(ranOutErrno('OSError: [Errno 24] 開啟太多檔案'), 'EMFILE');
  assert.equal(ranOutErrno('accept: 系統中太多的開啟檔案'), 'ENFILE');
  assert.equal(ranOutErrno('java.io.IOException: 열린 파일이 너무 많음'), 'EMFILE');
  assert.equal(ranOutErrno('socket: У системі забагато відкритих файлів'), 'ENFILE');
  assert.equal(ranOutErrno('open: El sistema té massa fitxers oberts'), 'ENFILE');
  assert.equal(ranOutErrno('open: Sistemde çok fazla açık dosya var'), 'ENFILE');
  assert.equal(ranOutErrno('pipe: Preveč odprtih datotek v sistemu'), 'ENFILE');
  assert.equal(ranOutErrno('fopen: För många öppna filer'), 'EMFILE');
  assert.equal(ranOutErrno('IOError: [Errno 24] Demasiados ficheiros abertos'), 'EMFILE');
  // Words near them are not the errno's text.
  assert.equal(ranOutErrno('Zu viele Dateien geöffnet? Bitte prüfen.'), null);
});

test("esockd's count of failed accepts and an exit value of reason emfile say the BEAM ran out", () => {
  assert.equal(ranOutErrno(EMQX_ACCEPTOR), 'EMFILE');
  assert.equal(ranOutErrno(EMQX_EXIT), 'EMFILE');
  // The atom inside a term that is not its reason, or a word, is not.
  assert.equal(ranOutErrno('{ok,[{emfile_count,0}]}'), null);
  assert.equal(ranOutErrno('suspend 100(ms) for 3 errors'), null);
});

test('a German Jetty accept failure is read as a log that ran out, tied to no process', async () => {
  const result = await analyzeText(`\`\`\`\n${JETTY.join('\n')}\n\`\`\`\n`);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /Zu viele offene Dateien/);
});

test("EMQX's console lines are read as a log that ran out, its own line quoted", async () => {
  const text = `${EMQX_ACCEPTOR}\n\n(emqttd@127.0.0.1)1> 14:01:12.316 [error] Error in process <0.3505.0> on node 'emqttd@127.0.0.1' with exit value:\n${EMQX_EXIT}\n`;
  const result = await analyzeText(text);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /emfile errors/);
});
