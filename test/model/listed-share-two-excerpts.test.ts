// Two excerpts of one process, of which only one can tell its sockets apart (accuracy round 77):
// systemd/systemd#7957 pastes stretches of networkd's `ls -l` fd folder (every row a `socket:[N]`
// link, no type) and lsof rows of pid 122 (fds 295-309, every one a UDP socket of DHCPv6). The ls
// stretches list more fds, but say nothing of the sockets' kind; the lsof rows are the sample that does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

const now = new Date('2026-01-01T00:00:00Z');

test("networkd: the lsof excerpt's UDP rows say what the ls excerpt's socket links cannot", async () => {
  const id = 'gh-systemd-networkd-proc-fd-socket-rows-lsof-dhcpv6-udp-excerpts';
  const { result } = await analyzeBundle(join(CASES_DIR, id, 'transcript.md'), { now });
  assert.equal(result.verdict, 'inconclusive');
  const s = result.suspects[0];
  assert.equal(s.pid, 122);
  assert.equal(s.leak.kind, 'socket-udp');
  const share = s.reasons.find((r) => r.signal === 'listed-kind-share');
  // 310 fds at least (fd 309 open), under half the usual default soft limit: a pointer, no more.
  assert.equal(share?.weight, 1);
  assert.match(share?.statement ?? '', /^15 of the 15 fds listed in transcript\.md are UDP sockets; the listing is an excerpt/);
  // The rows cited are the lsof rows (line 48: fd 295u), not the ls links above them.
  assert.equal(share?.evidence[0].line, 48);
});
