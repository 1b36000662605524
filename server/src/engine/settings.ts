import type { SinkSettings } from './queries/sinks';

/** What users set that changes what queries find (not how findings are shown): a change drops every kept answer. */
export interface AnalysisSettings {
  /** Packages added to a kind of sink, or marked as computing only in the process. */
  readonly sinks?: SinkSettings;
}
