/**
 * The `appiGuard/status` notification: what the server tells the client's status item. Shared with the
 * VS Code client, which imports this file and nothing else of the server.
 */
export const statusNotification = 'appiGuard/status';

export interface Status {
  readonly state: 'starting' | 'analysing' | 'idle' | 'paused' | 'disabled';
  readonly done?: number;
  readonly total?: number;
  /** Counts over the whole workspace, suppressed findings excluded. */
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Why analysis is paused, for the tooltip. */
  readonly detail?: string;
}
