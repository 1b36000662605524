import type ts from 'typescript';
import type { Catalogue } from '../annotations/catalogue';
import type { Field } from '../annotations/model';

/**
 * Maps a property symbol back to the catalogue's fields, through unions, mapped types (`Pick`) and
 * aliases: by the file and offset of each root declaration's name, the key the catalogue uses.
 */
export function fieldsOfSymbol(checker: ts.TypeChecker, catalogue: Catalogue, symbol: ts.Symbol | undefined): Field[] {
  if (!symbol) return [];
  const fields: Field[] = [];
  for (const root of checker.getRootSymbols(symbol)) {
    for (const declaration of root.declarations ?? []) {
      const name = (declaration as ts.NamedDeclaration).name;
      if (!name) continue;
      const field = catalogue.fields.get(`${declaration.getSourceFile().fileName}#${name.getStart(declaration.getSourceFile())}`);
      if (field) fields.push(field);
    }
  }
  return fields;
}
