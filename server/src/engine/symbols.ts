import ts from 'typescript';
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

/** The tagged fields (not the consent-only ones) a property symbol stands for. */
export function taggedFieldsOfSymbol(checker: ts.TypeChecker, catalogue: Catalogue, symbol: ts.Symbol | undefined): Field[] {
  return fieldsOfSymbol(checker, catalogue, symbol).filter((field) => field.kinds.length > 0);
}

/** Tagged fields a value of this type carries at its top level: the type's own, its union members', its elements'. */
export function fieldsCarried(checker: ts.TypeChecker, catalogue: Catalogue, type: ts.Type, depth = 0): Field[] {
  if (depth > 3) return [];
  if (type.isUnionOrIntersection()) return type.types.flatMap((part) => fieldsCarried(checker, catalogue, part, depth + 1));
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    return checker.getTypeArguments(type as ts.TypeReference).flatMap((element) => fieldsCarried(checker, catalogue, element, depth + 1));
  }
  if (!(type.flags & ts.TypeFlags.Object)) return [];
  return checker
    .getPropertiesOfType(type)
    .filter((property) => catalogue.fieldNames.has(property.name))
    .flatMap((property) => taggedFieldsOfSymbol(checker, catalogue, property));
}
