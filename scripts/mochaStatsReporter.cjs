// Mocha's spec output for people, plus the counts in a JSON file for scripts/test.mjs, which sums unit and
// integration results into the one `N passed, N failed` line CI reads.
'use strict';
const fs = require('node:fs');
const Mocha = require('mocha');

class SpecWithStats extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const file = process.env.LLM_FOOTPRINT_MOCHA_STATS;
    runner.once('end', () => {
      if (!file) return;
      const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
      fs.writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, pending }));
    });
  }
}

module.exports = SpecWithStats;
