/**
 * Command ids. The client carries out these two; the server carries out the others it declares in its
 * `executeCommandProvider` (re-analyse, create register, …), and the client library registers those itself.
 */
export const restartCommand = 'appiGuard.restartServer';
export const showOutputCommand = 'appiGuard.showOutput';

/** Commands contributed in package.json that the server carries out; the client must not register them. */
export const reanalyseCommand = 'appiGuard.reanalyseWorkspace';

/** Lists the places not checked (asking the server for them) and opens the one picked. */
export const showUncheckedCommand = 'appiGuard.showUnchecked';
