// A C daemon's stderr of perror() reports is a log (round 41's real lines, memcached#829).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { perrorLine } from '../../src/sources/ran-out-shapes.js';

test('a block of perror() reports, one of them EMFILE, is a log (memcached#829); one without EMFILE is not', () => {
  const lines = [
    'getpeername: Transport endpoint is not connected',
    'accept4(): Too many open files',
    'getpeername: Transport endpoint is not connected',
  ];
  assert.equal(perrorLine(lines[1]), true);
  assert.equal(perrorLine('Max open files            1024                 4096                 files'), false);
  assert.ok(appLog.detect({ head: lines, name: 'f' }) > 0);
  assert.equal(appLog.detect({ head: [lines[0], lines[2]], name: 'f' }), 0);
  // Prose is not perror's shape.
  assert.equal(perrorLine('Note: I am opening one connection at the start of my application'), false);
});
