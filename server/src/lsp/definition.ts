import type { DefinitionParams, Location } from 'vscode-languageserver';
import { spanRange } from './convert';
import type { Session } from './session';
import { uriOf } from './uris';

/** From a register entry's `schema` to the type, from `@piFile` and `@purpose` to the register. */
export function definition(session: Session, params: DefinitionParams): Location[] | null {
  const at = session.locate(params.textDocument.uri, params.position);
  if (!at) return null;
  const places = at.folder.workspace.definitionsAt(at.file, at.offset);
  const locations = places.flatMap((place) => {
    const text = at.folder.workspace.text(place.file);
    return text === undefined ? [] : [{ uri: uriOf(place.file), range: spanRange(text, place.span) }];
  });
  return locations.length > 0 ? locations : null;
}
