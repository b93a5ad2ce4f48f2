// A host-wide lsof's rows picked by a grep anchored at the line's start (accuracy round 44, real
// commands from cosmos/cosmos-sdk#2787): lsof's first column is COMMAND, so `^gaiacli` picks the
// program's rows, and `^gaiacli.*TCP.*CLOSE_WAIT` its TCP rows in CLOSE_WAIT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { anchoredName, interpretCount, lsofRowsOwner } from '../../src/model/pipeline.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

test('`^NAME` names a program; `^NAME.*REST` names it and still picks rows', () => {
  assert.deepEqual(anchoredName('^gaiad'), { name: 'gaiad', more: false });
  assert.deepEqual(anchoredName('^gaiacli.*TCP.*CLOSE_WAIT'), { name: 'gaiacli', more: true });
  assert.equal(anchoredName('^sock'), undefined);
  assert.equal(anchoredName('gaiacli'), undefined);
  const rows = interpretCount("lsof | grep -e '^gaiacli.*TCP.*CLOSE_WAIT' | wc -l");
  assert.equal(rows?.name, 'gaiacli');
  assert.deepEqual(rows?.grep, ['^gaiacli.*TCP.*CLOSE_WAIT']);
  const all = interpretCount('lsof | grep ^gaiacli | wc -l');
  assert.equal(all?.name, 'gaiacli');
  assert.equal(all?.grep, undefined);
});

test('only a host-wide lsof names the owner of its rows so; `lsof -p PID` is about its pid already', () => {
  assert.equal(lsofRowsOwner("lsof | grep '^gaiad.*TCP.*ESTABLISHED' | wc -l"), 'gaiad');
  assert.equal(lsofRowsOwner('lsof -p 27226 | grep ^gaiad | wc -l'), undefined);
  assert.equal(lsofRowsOwner('netstat -anp | grep ^tcp | wc -l'), undefined);
});

test('the case: gaiacli (17,934 CLOSE_WAIT rows) leaks before gaiad (5,282)', async () => {
  const { result: r } = await analyzeBundle(join(CASES_DIR, 'gh-cosmos-gaiad-gaiacli-lsof-grep-close-wait-counts', 'transcript.md'));
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0]?.leak?.kind, 'socket-close-wait');
  assert.equal(r.suspects[0]?.command, 'gaiacli');
});
