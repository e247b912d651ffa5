// npm test: unit tests (plain Node) then integration tests (real VS Code), one summary line for CI.
// STUB — the foundation issue adds the integration half.
import { spawnSync } from 'node:child_process';
const r = spawnSync('npm', ['run', 'test:unit', '--', '--reporter', 'spec'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
