import { finding, callRange, type RuleInput } from './ruleInput';
import type { Finding, Severity } from '../../types';

// A model name we can read but cannot find in the catalog: say why and how to map it. No text edit — the editor adds
// a "Map model…" command action for this code.
export function unknownModel(input: RuleInput, severity: Severity): Finding | null {
  const { analysis } = input;
  const name = analysis.call.model;
  if (analysis.footprint !== null || name === null || !analysis.unknownModelReason) return null;
  const sameFile = analysis.call.modelRange && analysis.call.modelSource !== 'imported'
    && input.site?.source.offsets(analysis.call.modelRange);
  const range = sameFile && analysis.call.modelRange ? analysis.call.modelRange : callRange(input);
  const message = `Unknown model "${name}": ${analysis.unknownModelReason.replace(/\.$/, '')}. No footprint can be `
    + `estimated for this call. Map it to a catalog model in the llmFootprint.modelMappings setting `
    + `(or "modelMappings" in llm-footprint.config.json), e.g. { "${name}": "gpt-4o-mini" }.`;
  return finding('unknown-model', severity, message, range);
}
