import * as assert from 'node:assert/strict';
import { formatGrouped } from '../../src/core/units';

// formatGrouped replaces toLocaleString('en-US') for speed; its output must be the same string for every input.
describe('formatGrouped', () => {
  it('groups thousands like en-US', () => {
    assert.equal(formatGrouped(0), '0');
    assert.equal(formatGrouped(999), '999');
    assert.equal(formatGrouped(1000), '1,000');
    assert.equal(formatGrouped(1234567.5), '1,234,567.5');
    assert.equal(formatGrouped(-128000), '-128,000');
  });

  it('matches toLocaleString("en-US") on edge cases and random values', () => {
    const values = [0, -0, 1, -1, 0.5, 0.0005, 0.0004, 1.0005, 2.675, 123.4565, 1e21, 1e-7, -1e-7, 999.9995, 999999.9999,
      Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN, 12345678901234567890];
    let seed = 42;
    const random = (): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    for (let i = 0; i < 5000; i++) {
      const magnitude = 10 ** Math.floor(random() * 24 - 8);
      const v = (random() - 0.3) * magnitude;
      values.push(v, Math.round(v), Number(v.toPrecision(3)), Number(v.toPrecision(6)), Math.round(v * 1000) / 1000);
    }
    for (const v of values) assert.equal(formatGrouped(v), v.toLocaleString('en-US'), `for ${v}`);
  });
});
