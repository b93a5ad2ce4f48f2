// The MySQL/MariaDB client library's own message for a failed socket(), the errno's number in
// parentheses (src/sources/exhaustion-text.ts MYSQL_SOCKET_ERRNO). Real lines: ProxySQL's syslog in
// sysown/proxysql#1519 (test/accuracy/cases/gh-proxysql-syslog-tcp-socket-24-log-only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const ONE_LINE =
  "May 25 03:37:11 pxclb1 proxysql[8930]: 2018-05-25 03:37:11 mysql_connection.cpp:604:handler(): [ERROR] Failed to mysql_real_connect() on 10.128.19.218:3306 , FD (Conn:0 , MyDS:0) , 2004: Can't create TCP/IP socket (24).";

test("`Can't create TCP/IP socket (24)` and `… UNIX socket (24)` are EMFILE, `(23)` ENFILE; other errnos are not", () => {
  assert.equal(ranOutErrno(ONE_LINE), 'EMFILE');
  assert.equal(ranOutErrno("ERROR 2001 (HY000): Can't create UNIX socket (24)"), 'EMFILE');
  assert.equal(ranOutErrno("2004: Can't create TCP/IP socket (23)."), 'ENFILE');
  assert.equal(ranOutErrno("2004: Can't create TCP/IP socket (97)."), null);
  assert.equal(ranOutErrno("2004: Can't create TCP/IP socket (240)."), null);
  assert.equal(ranOutErrno("Can't connect to MySQL server on '10.0.0.1' (111)"), null);
});

test('proxysql#1519: the syslog lines, wrapped as pasted, name proxysql[8930] as the process that ran out', async () => {
  const text = [
    'Syslog did the trick.',
    '',
    'May 25 03:37:11 pxclb1 proxysql[8930]: 2018-05-25 03:37:11 mysql_connection.cpp:604:handler(): [ERROR] Failed to mysql_real_connect() on 10.128.19.218:3306 , FD',
    " (Conn:0 , MyDS:0) , 2004: Can't create TCP/IP socket (24).",
    'May 25 03:37:11 pxclb1 proxysql[8930]: 2018-05-25 03:37:11 MySQL_HostGroups_Manager.cpp:302:connect_error(): [ERROR] Shunning server 10.128.19.218:3306 with 5 errors/sec. Shunning for 10 seconds',
    ONE_LINE,
    'May 25 03:37:19 pxclb1 kernel: [214067.782377] [UFW BLOCK] IN=eth0 OUT= MAC=ae:68:fd:a1:7c:46:4c:96:14:a4:ab:f0:08:00 SRC=80.211.33.156 DST=192.241.182.157 LEN=40 TOS=0x00 PREC=0x00 TTL=54 ID=62125 PROTO=TCP SPT=1912 DPT=23 WINDOW=28672 RES=0x00 SYN URGP=0 ',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 8930);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Can't create TCP\/IP socket \(24\)/);
});
