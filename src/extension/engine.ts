// The half of the extension that loads on first use (dist/engine.js, a second esbuild entry): the engine — parser,
// detection, tokenizer, footprint catalog, advice, audit — is ~85 % of the code, and loading it with the extension
// made activation ~50 ms (bench/results.md). The activation bundle (dist/extension.js) reaches it only through
// lazyEngine.ts, after a document with SDK markers opens or a command needs it.
// Everything here is a re-export: this bundle has its own copy of the core's module state (assets folder, encoders,
// parsers), so the activation bundle configures and disposes it through these names, never through its own imports.

export { setAssetsDir } from '../core/assets';
export { analyzeText } from '../core/analyze';
export { disposeDetection } from '../core/detect';
export { disposeEncoders, IN_THREAD_COUNTER, setTokenCounter } from '../core/tokens';
export { catalogEntry, DATA_AS_OF, listModels, nameCandidates, resolveRegion } from '../core/footprint';
export { isSizeDeclaration } from '../core/footprint/declaredModel';
export { assembleResult, auditPaths } from '../core/audit/auditPaths';
export { evaluateBudgets } from '../core/audit/budgets';
export { applyConfig, ConfigError, findConfig, loadConfigFile } from '../core/audit/config';
export { buildJsonReport } from '../core/audit/formats/jsonReport';
export { FORMAT_EXTENSION, renderReport } from '../core/audit/formats';
