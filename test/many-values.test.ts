import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maxOf, minOf } from '../src/many-values.js';

test('maxOf and minOf take more values than Math.max(...values) can', () => {
  const values = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_000);
  assert.equal(maxOf(values), 299_999);
  assert.equal(minOf(values), 0);
});

test('maxOf and minOf of nothing are those of Math.max() and Math.min()', () => {
  assert.equal(maxOf([]), Math.max());
  assert.equal(minOf(new Set<number>()), Math.min());
  assert.equal(
    maxOf(
      new Map([
        [1, 5],
        [2, 9],
      ]).values(),
    ),
    9,
  );
});
