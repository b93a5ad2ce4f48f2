// OSSEC's and Wazuh's debug log header names the daemon and its pid (src/sources/ossec-log.ts, read
// by log-pids.ts). Real lines: wazuh/wazuh#3001
// (test/accuracy/cases/gh-wazuh-3001-windows-agent-internal-options-errno24-2764) and wazuh/wazuh#3904.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource } from '../../src/sources/log-pids.js';
import { ossecLogSource } from '../../src/sources/ossec-log.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const AGENT = [
  "2019/04/02 05:46:04 ossec-agent[2764] logcollector.c:828 at handle_file(): DEBUG: (1963): Unable to open file 'C:\\test\\a6.txt'.",
  "2019/04/02 05:46:04 ossec-agent[2764] logcollector.c:973 at set_read(): DEBUG: Socket target for 'C:\\test\\a6.txt' -> agent",
  "2019/04/02 05:46:04 ossec-agent[2764] validate_op.c:55 at _read_file(): ERROR: (1103): Could not open file 'internal_options.conf' due to [(24)-(Too many open files)].",
  "2019/04/02 05:46:04 ossec-agent[2764] validate_op.c:212 at getDefine_Int(): CRITICAL: (2301): Definition not found for: 'logcollector.input_threads'.",
];

test('the OSSEC/Wazuh debug header names the daemon and its pid; the plain header names no pid', () => {
  assert.deepEqual(ossecLogSource(AGENT[2] as string), { program: 'ossec-agent', pid: 2764 });
  assert.deepEqual(syslogSource(AGENT[0] as string), { program: 'ossec-agent', pid: 2764 });
  assert.deepEqual(
    ossecLogSource(
      "2019/08/30 16:38:40 ossec-logcollector[24435] logcollector.c:241 at LogCollectorStart(): INFO: (1950): Analyzing file: '/var/adm/messages'.",
    ),
    { program: 'ossec-logcollector', pid: 24435 },
  );
  assert.equal(
    ossecLogSource(
      "2018/10/08 16:52:40 ossec-logcollector: ERROR: (1103): Could not open file '/var/ossec/etc/internal_options.conf' due to [(24)-(Too many open files)].",
    ),
    null,
  );
  // Without the source file and function after it, a bracketed number is no OSSEC header.
  assert.equal(ossecLogSource('2019/04/02 05:46:04 ossec-agent[2764] ERROR: x'), null);
});

test('wazuh#3001: the agent pid 2764 is the process that ran out', async () => {
  const result = await analyzeTranscript(`${AGENT.join('\n')}\n`, 'ossec.log', new Date('2026-01-01T00:00:00Z'), { folder: true });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 2764);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /\(24\)-\(Too many open files\)/);
});
