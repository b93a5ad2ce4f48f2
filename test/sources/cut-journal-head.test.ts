// A paste that begins inside a journal record: its head (`Jan 17 14:23:15 Wings3 wings[2019]:`)
// was left out of the selection, and the record's next lines, one journal line each, name the
// writer: Pterodactyl Wings in pterodactyl/panel#4657
// (gh-pterodactyl-wings-journal-directorysize-emfile, accuracy round 60).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog, cutHeadOwner } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';
import { syslogSource } from '../../src/sources/log-pids.js';

const WINGS = [
  'open /var/lib/pterodactyl/volumes/408cabdf-5190-490c-9eda-04e893c2859b: too many open files',
  'Jan 17 14:23:15 Wings3 wings[2019]: server/filesystem: directorysize: failed to walk directory',
  'Jan 17 14:23:15 Wings3 wings[2019]: github.com/pterodactyl/wings/server/filesystem.(*Filesystem).DirectorySize',
  'Jan 17 14:23:15 Wings3 wings[2019]:         github.com/pterodactyl/wings/server/filesystem/disk_space.go:194',
];

test('the first record owns the EMFILE lines right above it when it names a pid', () => {
  assert.equal(cutHeadOwner(syslogSource(WINGS[1]), 1, 1, 2), 2019);
  const { artifact } = parseLines(appLog, WINGS);
  assert.deepEqual(artifact.exhaustion.byPid, { 2019: 1 });
  assert.equal(artifact.exhaustion.samples[0].pid, 2019);
  assert.equal(artifact.exhaustion.samples[0].program, 'wings');
});

test('a blank line, a record without a pid, or no EMFILE line above leaves the lines unnamed', () => {
  assert.equal(cutHeadOwner(syslogSource(WINGS[1]), 1, 1, 3), undefined);
  assert.equal(cutHeadOwner(syslogSource(WINGS[1]), 0, 1, 2), undefined);
  assert.equal(cutHeadOwner(null, 1, 1, 2), undefined);
  const apart = parseLines(appLog, [WINGS[0], '', ...WINGS.slice(1)]).artifact;
  assert.deepEqual(apart.exhaustion.byPid, {});
  // Lines after the first record are not a cut head.
  const later = parseLines(appLog, [WINGS[1], WINGS[0], WINGS[2]]).artifact;
  assert.equal(later.exhaustion.samples[0].pid, 2019); // the record it continues, as before
});
