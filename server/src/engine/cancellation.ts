/** The shape of LSP's and VS Code's cancellation tokens. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('analysis cancelled');
  }
}
