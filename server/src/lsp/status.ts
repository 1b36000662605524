/**
 * What the server tells the client's status item: the `appiGuard/status` notification, and the places not
 * checked that the *Show What Was Not Checked* command lists. Shared with the VS Code client, which imports
 * this file and nothing else of the server.
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
  /** Places not checked over the whole workspace (README, "What a clean run means"). */
  readonly unchecked: number;
  /** Why analysis is paused, for the tooltip. */
  readonly detail?: string;
}

/** The server command that answers the places not checked, as `UncheckedPlace[]`, in file order. */
export const listUncheckedCommand = 'appiGuard.listUnchecked';

export interface UncheckedPlace {
  readonly uri: string;
  /** 0-based, UTF-16, as the protocol's ranges; absent for a whole file (a project that failed to load). */
  readonly range?: {
    readonly start: { readonly line: number; readonly character: number };
    readonly end: { readonly line: number; readonly character: number };
  };
  readonly kind:
    | 'untyped-read'
    | 'unreached-use'
    | 'missing-package'
    | 'missing-extends'
    | 'project-not-loaded'
    | 'missing-prisma-client'
    | 'incomplete-analysis';
  /** What: the name read, the package, the config extended, or the project's config. */
  readonly label: string;
  /** Why it was not checked, a clause. */
  readonly message: string;
}
