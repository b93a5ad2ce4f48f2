// A write-up with no fence whose outputs are lines that are each one inline code span, set apart by
// prose: Vault's log line, then the one lsof row it quotes. Real lines: hashicorp/vault#3633.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';

const LINES = [
  "The Vault's logs was a flood of: ",
  '',
  '`2017/11/30 16:06:06 http: Accept error: accept tcp4 0.0.0.0:8200: accept4: too many open files; retrying in 1s`',
  '',
  'After investigation it seems that Vault reach the maximum number of opened sockets per process (1024). An `lsof` give us more than 1000 opened TCP sockets: ',
  '',
  '`vault 21317 vault 1023u sock 0,7 0t0 71413016 protocol: TCP`',
  '',
  'A `netstat` revealed about one hundred opened TCP connection with our monitoring tool (Nagios) in a `CLOSE_WAIT` state.',
];

test('a span quoting an error makes the paste a write-up: the lsof row quoted further down is an output', () => {
  const outputs = splitTranscript(LINES).flatMap((it) => it.output.map((o) => [o.line, o.text]));
  assert.ok(outputs.some(([line, text]) => line === 7 && text === 'vault 21317 vault 1023u sock 0,7 0t0 71413016 protocol: TCP'));
  assert.ok(outputs.some(([line, text]) => line === 3 && String(text).endsWith('accept4: too many open files; retrying in 1s')));
});
