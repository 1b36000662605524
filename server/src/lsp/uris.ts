import { URI } from 'vscode-uri';

/**
 * The one place URIs and paths meet (as in vscode-eslint): the engine speaks absolute paths with forward
 * slashes; the protocol speaks URIs. Only `file:` URIs have a path on disk; others are not analysed.
 */
export function pathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath.replace(/\\/g, '/') : undefined;
}

export function uriOf(path: string): string {
  return URI.file(path).toString();
}
