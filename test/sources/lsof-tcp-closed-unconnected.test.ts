// macOS lsof prints a TCP socket in no connection — never connected, or kept after its connection
// failed or ended — with its own state `(CLOSED)`, where Linux's lsof says `protocol: TCP`: an
// unconnected socket (src/sources/lsof-row-kind.ts). Real rows: docker/for-mac#1132, Docker's
// com.docker process holding 1,964 of them
// (test/accuracy/cases/gh-docker-for-mac-com-docke-lsof-i-closed-1964).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const ROWS = [
  'COMMAND     PID    USER   FD   TYPE             DEVICE SIZE/OFF NODE NAME',
  'com.docke 93951 macuser 1954u  IPv4 0xaec989aea9bca635      0t0  TCP 10.160.0.94:54902->62.x.x.141:20206 (CLOSED)',
  'com.docke 93951 macuser 1955u  IPv4 0xaec989ae9e802935      0t0  TCP 10.160.0.94:54923->62.x.x.141:20206 (CLOSED)',
  'com.docke 93951 macuser 1956u  IPv4 0xaec989ae9e917635      0t0  TCP 10.160.0.94:54563->62.x.x.141:20206 (CLOSED)',
  'com.docke 93951 macuser 1957u  IPv4 0xaec989ae9aa7e2b5      0t0  TCP 10.160.0.94:54694->62.x.x.141:20206 (CLOSED)',
  'com.docke 93951 macuser 1958u  IPv4 0xaec989aea9adb635      0t0  TCP 10.160.0.94:54938->62.x.x.141:20206 (CLOSED)',
  'com.docke 93951 macuser 1959u  IPv4 0xaec989ae9e7ff935      0t0  TCP 10.160.0.94:50926->62.x.x.141:20205 (CLOSED)',
];
const LIVE = 'com.docke 93951 macuser 1960u  IPv4 0xaec989aea90a2cb5      0t0  TCP 10.160.0.94:54905->62.x.x.141:20206 (ESTABLISHED)';

async function analyzeText(text: string) {
  return analyzeTranscript(text, 'lsof.txt', new Date('2026-01-01T00:00:00Z'));
}

test('TCP rows in state (CLOSED) are sockets in no connection table', async () => {
  const r = await analyzeText(`${[...ROWS, LIVE].join('\n')}\n`);
  const s = r.suspects.find((x) => x.pid === 93951);
  assert.ok(s, 'pid 93951 is a suspect');
  assert.equal(s.leak.kind, 'socket-unconnected');
  assert.equal(s.leak.count, 6);
});

test('TCP rows in a live state stay connected sockets', async () => {
  const r = await analyzeText(`${[ROWS[0], LIVE, LIVE.replace('1960u', '1961u'), LIVE.replace('1960u', '1962u')].join('\n')}\n`);
  const s = r.suspects.find((x) => x.pid === 93951);
  assert.notEqual(s?.leak.kind, 'socket-unconnected');
});
