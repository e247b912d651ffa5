import type { AnalysisSettings } from '../settings';
import type { DetectedCall, Footprint, InputTokens, ModelInfo, OutputTokens } from '../types';

// STUB — replaced by the footprint model and catalog (issue 5).

export const DATA_AS_OF = '2026-11-30';

export type ModelResolution = { model: ModelInfo } | { model: null; reason: string };

export function resolveModel(_name: string | null, _settings: AnalysisSettings): ModelResolution {
  return { model: null, reason: 'catalog not built yet' };
}

export interface FootprintRequest {
  model: ModelInfo;
  inputTokens: InputTokens;
  outputTokens: OutputTokens;
  call?: DetectedCall;
  region: string | null;
}

export function estimateFootprint(_request: FootprintRequest): Footprint | null {
  return null;
}
