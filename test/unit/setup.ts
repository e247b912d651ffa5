import * as path from 'node:path';
import { setAssetsDir } from '../../src/core/assets';

// Unit tests load WASM and ranks from dist/ exactly as the packaged extension does (npm run build copies them).
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
setAssetsDir(path.join(REPO_ROOT, 'dist'));
