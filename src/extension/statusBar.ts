import type { FeatureContext } from './featureContext';

// STUB — filled in by the editor issue.
export function register(_features: FeatureContext): void {}
