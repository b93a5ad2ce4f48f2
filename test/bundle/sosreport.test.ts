// A sos report names each command's output after the command, and the name loses characters: the
// process plugin's `lsof -b +M -n -l -c ''` is saved as lsof_-b_M_-n_-l_-c (a real sos 4.0 report:
// test/accuracy/cases/c-sos-go-healthd-healthy-time-wait).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sosCommand } from '../../src/bundle/sosreport.js';
import { isFilteredCommand } from '../../src/model/listing-excerpts.js';
import { lsofSelectsFiles } from '../../src/command-words.js';

test("sos's lsof file names are read back as the whole-host lsof sos ran, not `lsof … M` asking about a file M", () => {
  for (const [file, command] of [
    ['sos_commands/process/lsof_-b_M_-n_-l_-c', "lsof -b +M -n -l -c ''"],
    ['sos_commands/process/lsof_-b_M_-n_-l', 'lsof -b +M -n -l'],
  ]) {
    const c = sosCommand(file).command ?? '';
    assert.equal(c, command);
    assert.equal(lsofSelectsFiles(c), false, c);
    assert.equal(isFilteredCommand(c).cut, false, c);
  }
  assert.equal(sosCommand('sos_commands/process/ps_auxwww').command, 'ps auxwww');
});
