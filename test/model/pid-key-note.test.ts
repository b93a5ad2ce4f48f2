// A tally of a host-wide lsof by its PID column, a row annotated by the reader
// (go-ethereum#22356: `3272620 1305177 (GETH process running under a SCREEN)`): still pid 1305177's rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pidOfKey } from '../../src/model/pid-row-tallies.js';

test("a pid key keeps its pid under the reader's note", () => {
  assert.equal(pidOfKey('1305177 (GETH process running under a SCREEN)'), 1305177);
  assert.equal(pidOfKey('860065'), 860065);
  assert.equal(pidOfKey('geth 1492'), undefined);
  assert.equal(pidOfKey('1305177 geth'), undefined);
});
