// lsof's own selections show some of a process's fds, as a grep does: `lsof +L1` only unlinked
// files, `lsof -i` only network files, `lsof -U` only unix sockets. Real lines:
// gh-dbus-broker-memfd-log-lsof-L1-negative (bus1/dbus-broker#385); `lsof -f +D DIR` typed at a
// host's name prompt, gh-xdg-desktop-portal-openuri-lsof-plus-d-dir (flatpak/xdg-desktop-portal#509).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promptCommand } from '../../src/bundle/prompts.js';
import { lsofSelectsFiles } from '../../src/command-words.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const DBUS_BROKER = readFileSync(join(CASES_DIR, 'gh-dbus-broker-memfd-log-lsof-L1-negative', 'transcript.md'), 'utf8');
const PORTAL = readFileSync(join(CASES_DIR, 'gh-xdg-desktop-portal-openuri-lsof-plus-d-dir', 'transcript.md'), 'utf8');

const analyzeText = (text: string) => analyzeTranscript(text, 'transcript.md', now);

test('lsof options that select files by kind or link count, alone or in a cluster', () => {
  for (const command of [
    'sudo lsof +L1',
    'lsof -i',
    'lsof -nPi :8080',
    'lsof -iTCP -sTCP:CLOSE_WAIT',
    'lsof -U -a -p 12',
    'lsof +D /var/log',
    'lsof -f +D ~/test/',
    'lsof /var/log/syslog',
    'lsof -n -- ./data.db',
    'lsof tmp-1834-ZNmAtHpuYkrt',
  ])
    assert.equal(lsofSelectsFiles(command), true, command);
  // `+L` alone adds the link column; `-p`, `-c`, `-u` name processes, not kinds of files; `-c init`'s i is its value.
  for (const command of [
    'lsof +L -p 757',
    'lsof -p 757',
    'lsof -n -P -c init',
    'lsof -u dbus',
    'ls -i /proc/1/fd',
    'lsof -nP | grep -i tcp',
    'lsof -k /boot/vmlinux -p 12',
    'lsof -p 12 -r 2',
    'sudo lsof -n -p 123 2>/dev/null',
    'lsof -p 123 > out.txt',
    'lsof -p $(pidof nginx)',
    'lsof -K i -p 9',
    // Without -a lsof ORs a kind with the process: every NFS file of the host and every file of
    // pid 1260 (Kurento/bugtracker#507, accuracy round 195).
    'lsof -N -p `pidof kurento-media-server`',
    'lsof -i -p 4242',
    'lsof -U -c java',
  ])
    assert.equal(lsofSelectsFiles(command), false, command);
});

test("dbus-broker's one memfd row from `sudo lsof +L1` is no full listing of its fds: no healthy verdict from it", async () => {
  const result = await analyzeText(DBUS_BROKER);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
});

test("a host's name before `$` is a prompt before a command this tool knows; the users of a folder are some of their fds", async () => {
  assert.equal(promptCommand('host $ lsof -f +D ~/test/'), 'lsof -f +D ~/test/');
  assert.equal(promptCommand('flatpak $ xdg-open ~/test/dir'), null);
  // xdg-desktop-portal's one row (fd 12, a folder) is no table of its fds: no healthy verdict.
  const result = await analyzeText(PORTAL);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
});

test("the one row lsof picked for a file named (scrypted's `lsof tmp-1834-…`) says nothing of what most of node's fds are", async () => {
  const text = readFileSync(join(CASES_DIR, 'gh-scrypted-tmp-files-lsof-one-file-fd362', 'transcript.md'), 'utf8');
  const result = await analyzeText(text);
  assert.equal(result.suspects[0]?.pid, 1834);
  assert.equal(result.suspects[0]?.leak.kind, 'other');
});
