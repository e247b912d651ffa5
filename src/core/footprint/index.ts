// The footprint stage: a dated, sourced model catalog and the physics that turns tokens into energy (Wh), CO₂e (g),
// water (mL) and cost ($) as {min, typical, max}. Methodology and sources: docs/methodology.md, data/SOURCES.md.
//
// To estimate the same call with another model (advice), call estimateFootprint again with that model's ModelInfo
// (from listModels() or resolveModel()) — nothing else about the request changes; estimateFigures gives the same
// numbers without formatting the assumptions, for comparisons nobody reads the assumptions of.

export { DATA_AS_OF, catalogEntry, catalogProblems, listModels } from './catalog';
export type { CatalogModel, GridZone, ParamSpec, PriceSpec, ProviderProfile } from './catalogTypes';
export { estimateFigures, estimateFootprint, type FootprintFigures, type FootprintRequest } from './estimateFootprint';
export { nameCandidates, resolveModel, type ModelResolution } from './resolveModel';
export { providerProfile, regionIds, regionProblems, resolveRegion, type ResolvedRegion } from './regions';
