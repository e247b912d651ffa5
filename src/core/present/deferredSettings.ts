import { analysisSettingsEqual, parseEditorSettings, SETTING_KEYS, type EditorOptions, type ParseOptions, type SettingsSnapshot } from './editorSettings';

// The editor's settings in two steps, so that activation never needs the footprint catalog. Checking
// `llmFootprint.region` and the targets of `modelMappings` needs the catalog, which lives in the lazily loaded engine
// bundle: doing it at activation loaded the engine for every user who set either (activation 6.6 → 49 ms CPU and
// +5.7 MB RSS, bench/probes/activation.ts). So the values are captured and parsed without the checks at once (the
// editor options are final then), and parsed again with the checks when the engine is there; only that second parse
// may reach an analysis. Its snapshot and warnings are exactly what one parse with the checks gives.

/** The part of the engine the checks read (dist/engine.js exports these; so does src/core/footprint). */
export interface Catalog {
  resolveRegion(region: string): unknown;
  isSizeDeclaration(target: string): boolean;
  nameCandidates(name: string): readonly string[];
  catalogEntry(id: string): unknown;
}

/** The catalog checks of region and mapping targets, as parseEditorSettings takes them. */
export function catalogChecks(catalog: Catalog): Required<ParseOptions> {
  return {
    isKnownRegion: (region) => catalog.resolveRegion(region) !== null,
    isKnownModel: (target) =>
      catalog.isSizeDeclaration(target) || catalog.nameCandidates(target).some((n) => catalog.catalogEntry(n) !== undefined),
  };
}

/** One configuration (the values of one configuration change), parsed now without the catalog and later with it. */
export class DeferredSettings {
  /** Final at once: no editor option depends on the catalog. */
  readonly editor: EditorOptions;
  /** The warnings of the parse without the catalog: every one that does not need it. */
  readonly warnings: readonly string[];
  private readonly values: ReadonlyMap<string, unknown>;
  private readonly unchecked: SettingsSnapshot;
  private checkedSnapshot: SettingsSnapshot | undefined;

  /** `read(key)` returns the raw value of `llmFootprint.<key>`; each key is read once, here. */
  constructor(read: (key: string) => unknown) {
    // Captured, so the later parse sees this configuration even if the settings have changed since (that change
    // brings its own DeferredSettings).
    this.values = new Map(SETTING_KEYS.map((key) => [key, read(key)]));
    const { snapshot, warnings } = parseEditorSettings((key) => this.values.get(key));
    this.unchecked = snapshot;
    this.editor = snapshot.editor;
    this.warnings = warnings;
  }

  /** The snapshot for analysis, once check() or useDefaults() ran; undefined before. */
  get checked(): SettingsSnapshot | undefined {
    return this.checkedSnapshot;
  }

  /**
   * Parses again with the catalog's checks, once (later calls return []). Returns the warnings only the checks add,
   * so a log shows each warning of the configuration once. Throws what a check throws, and then stays unchecked.
   */
  check(checks: ParseOptions): string[] {
    if (this.checkedSnapshot) return [];
    const { snapshot, warnings } = parseEditorSettings((key) => this.values.get(key), checks);
    this.checkedSnapshot = snapshot;
    // The checks only add warnings (a rejected region, an unknown mapping target): the rest are the first parse's.
    const seen = new Set(this.warnings);
    return warnings.filter((w) => !seen.has(w));
  }

  /** When a check fails: the defaults for analysis from now on, as a failed settings read has always given. */
  useDefaults(): SettingsSnapshot {
    this.checkedSnapshot ??= parseEditorSettings(() => undefined).snapshot;
    return this.checkedSnapshot;
  }

  /**
   * True when an analysis with `other` would see the same settings as one with this. Exact when both are checked;
   * otherwise the values before the checks are compared: the checks are a function of those values (a region is
   * kept or replaced by the default), so equal values before mean equal after; at worst a change is reported that
   * the checks would have undone, which costs one re-analysis. (ASCII only: esbuild keeps this comment in
   * dist/extension.js, and one non-ASCII character there makes V8 hold the whole bundle as a two-byte string,
   * which measured +4 ms of load, 4.8 -> 8.9 ms.)
   */
  sameAnalysis(other: DeferredSettings): boolean {
    if (this.checkedSnapshot && other.checkedSnapshot) return analysisSettingsEqual(this.checkedSnapshot.analysis, other.checkedSnapshot.analysis);
    return analysisSettingsEqual(this.unchecked.analysis, other.unchecked.analysis);
  }
}
