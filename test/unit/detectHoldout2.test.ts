import * as path from 'node:path';
import { describeHeldOutSet } from './heldOutSet';
import { FIXTURES } from './setup';

// Second generalisation check. test/fixtures/holdout2 (see its README) was written blind to the engine, the tuned
// corpus and the first holdout's files, after the first holdout had been used to fix the engine.

describeHeldOutSet('detection held-out corpus 2', path.join(FIXTURES, 'holdout2'), {
  files: 24, calls: 130, traps: 45, callsPerLanguage: 50, filesPerLanguage: { python: 10, jsTs: 12 },
});
