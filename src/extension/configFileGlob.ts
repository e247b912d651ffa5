// The glob of the team config files the editor watches. Spelled out rather than imported from core/audit/config.ts:
// that module pulls the footprint catalog and the advice rules into the activation bundle (+~350 KB, measured with
// esbuild's metafile). test/unit/extensionSplit.test.ts keeps it equal to `**/${CONFIG_FILE_NAME}`.
export const CONFIG_FILE_GLOB = '**/llm-footprint.config.json';
