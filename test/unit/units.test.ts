import * as assert from 'node:assert/strict';
import { formatCo2, formatEnergy, formatTokens, formatUsd, formatWater } from '../../src/core/units';

describe('units', () => {
  const cases: Array<[(n: number) => string, number, string]> = [
    [formatEnergy, 0.31, '0.31 Wh'],
    [formatEnergy, 0.0042, '4.2 mWh'],
    [formatEnergy, 1.234, '1.2 Wh'],
    [formatEnergy, 4321, '4.3 kWh'],
    [formatEnergy, 2.5e6, '2.5 MWh'],
    [formatCo2, 0.12, '0.12 g CO₂e'],
    [formatCo2, 0.003, '3 mg CO₂e'],
    [formatCo2, 12_345, '12 kg CO₂e'],
    [formatWater, 2500, '2.5 L'],
    [formatUsd, 0.0021, '$0.0021'],
    [formatUsd, 1234.4, '$1,234'],
    [formatTokens, 1234, '1.2k'],
    [formatTokens, 999, '999'],
  ];
  for (const [fn, input, expected] of cases) {
    it(`${fn.name}(${input}) = ${expected}`, () => assert.equal(fn(input), expected));
  }
});
