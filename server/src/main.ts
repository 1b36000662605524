/** The language server's entry (bundled as `dist/server.js`, started by the extension): wiring only. */
import { startServer } from './lsp/server';

startServer();
