// A pid lookup that keeps the first of several pids (accuracy round 283, real commands from
// raiden-network/raiden#7320): `$(pidof raiden-v3.0.0rc0-linux-x86_64|cut -d' ' -f1)` is a
// process of that program as `$(pidof raiden-v3.0.0rc0-linux-x86_64)` is, so its counts join it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pidLookup } from '../../src/model/pid-lookups.js';
import { analyzeTranscript } from '../analyze-transcript.js';

test('pidof or pgrep piped to a filter that keeps the first pid names the program looked up', () => {
  assert.deepEqual(pidLookup("lsof -p $(pidof raiden-v3.0.0rc0-linux-x86_64|cut -d' ' -f1)|grep UDP|wc -l"), {
    name: 'raiden-v3.0.0rc0-linux-x86_64',
    by: 'pidof',
    args: ['raiden-v3.0.0rc0-linux-x86_64'],
  });
  assert.deepEqual(pidLookup('ls /proc/$(pgrep containerd | head -1)/fd | wc -l'), {
    name: 'containerd',
    by: 'pgrep',
    args: ['containerd'],
  });
  assert.equal(pidLookup("lsof -p $(pgrep -n java | awk '{print $1}')")?.name, 'java');
  // Any other filter picks something else (a pid by position, a sort): no lookup of the program.
  assert.equal(pidLookup('ls /proc/$(pgrep -P $PID | sed -n "2p;7p")/fd'), undefined);
  assert.equal(pidLookup('ls /proc/$(pgrep java | tail -3)/fd'), undefined);
});

test('raiden#7320: 528 UDP rows of the node picked by pidof|cut beside its Errno 24 are a leak of that program', async () => {
  const r = await analyzeTranscript(
    [
      '```',
      '{"event": "Task exception was never retrieved\\nfuture: <Task finished coro=<_RTCConnection._set_local_description() done, defined at raiden/network/transport/matrix/rtc/web_rtc.py:214> exception=OSError(24, \'Too many open files\')>", "logger": "asyncio", "level": "error", "timestamp": "2021-08-25 08:48:57.898999"}',
      '```',
      '',
      '```',
      "lsof -p $(pidof raiden-v3.0.0rc0-linux-x86_64|cut -d' ' -f1)|grep UDP|wc -l",
      '528',
      '```',
      '```',
      "lsof -p $(pidof raiden-v3.0.0rc0-linux-x86_64|cut -d' ' -f1)|grep -v UDP|wc -l",
      '151',
      '```',
    ],
    'transcript.md',
  );
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].pid, null);
  assert.equal(r.suspects[0].leak?.kind, 'socket-udp');
});
