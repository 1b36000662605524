/**
 * Turning a file's bytes into text the way editors do: UTF-8 (with or without BOM) and UTF-16 with a BOM.
 * Anything else is reported as skipped rather than analysed as mojibake.
 */

/** Larger files are skipped: generated bundles, not hand-written schemas. */
export const maxSourceBytes = 16 * 1024 * 1024;

export type SourceText =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'skipped'; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false });
const utf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: false });

export function decodeSource(content: Uint8Array | string | undefined): SourceText {
  if (content === undefined) return { kind: 'missing' };
  if (typeof content === 'string') return { kind: 'text', text: stripBom(content) };
  if (content.byteLength > maxSourceBytes) return tooLarge(content.byteLength);
  try {
    if (content[0] === 0xff && content[1] === 0xfe) return { kind: 'text', text: utf16le.decode(content) };
    if (content[0] === 0xfe && content[1] === 0xff) return { kind: 'text', text: utf16be.decode(content) };
    return { kind: 'text', text: utf8.decode(content) };
  } catch {
    return { kind: 'skipped', reason: 'not UTF-8 or UTF-16 text' };
  }
}

export function tooLarge(bytes: number): SourceText {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return { kind: 'skipped', reason: `larger than ${maxSourceBytes / (1024 * 1024)} MB (${mb} MB)` };
}

/**
 * The bytes to write `text` back as, in the encoding and with the byte-order mark the file had (`original`,
 * its bytes before): a rewrite changes only what it meant to. A new file, or one without a mark, is UTF-8.
 */
export function encodeLike(original: Uint8Array | undefined, text: string): Uint8Array {
  const [first, second, third] = original ?? [];
  if (first === 0xff && second === 0xfe) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (first === 0xfe && second === 0xff) return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  const body = Buffer.from(text, 'utf8');
  return first === 0xef && second === 0xbb && third === 0xbf ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
