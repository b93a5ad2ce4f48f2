// formatNumber prints what toLocaleString('en-US') prints, without loading ICU's number data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber } from '../src/format.js';

test("formatNumber is toLocaleString('en-US') for integers, fractions, ties, signs, zeros and the non-finite", () => {
  const values = [
    0,
    -0,
    1,
    -1,
    7,
    12,
    123,
    999,
    1000,
    1001,
    9999,
    12345,
    123456,
    1234567,
    -1234567,
    1e15,
    2 ** 53,
    123456789012345680000,
    0.5,
    1.5,
    2.5,
    -2.5,
    0.0005,
    0.0015,
    1.0005,
    1.0625,
    -1.0625,
    0.1 + 0.2,
    12.5,
    1234.5678,
    999.9995,
    999.9996,
    -0.0001,
    0.0004,
    1e-7,
    5e-324,
    1e21,
    1.5e21,
    -1e22,
    NaN,
    Infinity,
    -Infinity,
    0.125,
    2.675,
    1.005,
    3.14158,
    1e20 + 0.5,
  ];
  let x = 12345;
  const rnd = () => (x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < 20000; i++) {
    const scale = 10 ** Math.floor(rnd() * 16 - 4);
    values.push((rnd() - 0.3) * scale, Math.round((rnd() - 0.3) * scale), Math.round(rnd() * 1e6) / 1000, Math.round(rnd() * 1e5) / 10);
  }
  for (const v of values) assert.equal(formatNumber(v), v.toLocaleString('en-US'), String(v));
});
