import type { AnalysisSettings } from '../settings';
import type { DetectedCall, InputTokens, ModelInfo, OutputTokens } from '../types';

// STUB — replaced by the token counter (issue 4).

export async function countInputTokens(
  call: DetectedCall, model: ModelInfo | null, _settings: AnalysisSettings,
): Promise<InputTokens> {
  void call; void model;
  return { count: 0, exact: false, dynamic: true, encoding: 'o200k_base', approximation: 'not counted yet' };
}

export function estimateOutputTokens(_call: DetectedCall, _model: ModelInfo | null): OutputTokens {
  return { min: 1, typical: 300, max: 4096, reasoning: { min: 0, typical: 0, max: 0 }, basis: ['stub'] };
}

/** Frees the encoders (deactivate, end of CLI run). */
export function disposeEncoders(): void {}
