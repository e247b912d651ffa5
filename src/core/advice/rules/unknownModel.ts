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
  const reason = analysis.unknownModelReason.replace(/\.$/, '').replace(/^unknown model\s*'[^']*'\s*:\s*/i, '');
  // The catalog's reason usually says how to fix it already; add the mapping hint only when it does not.
  const howTo = /modelMappings/.test(reason) ? '' : ` Map it to a catalog model in the llmFootprint.modelMappings setting `
    + `(or "modelMappings" in llm-footprint.config.json), e.g. { "${name}": "gpt-4o-mini" }.`;
  const message = `Unknown model "${name}": ${reason}. No footprint can be estimated for this call.${howTo}`;
  return finding('unknown-model', severity, message, range);
}
