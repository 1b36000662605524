import ts from 'typescript';
import type { Catalogue } from '../annotations/catalogue';
import type { Field } from '../annotations/model';

/**
 * Maps a property symbol back to the catalogue's fields, through unions, mapped types (`Pick`) and
 * aliases: by the file and offset of each root declaration's name, the key the catalogue uses. `receiver`
 * gives the type the property is read from, asked only for a property that points back to nothing, to map
 * the rows of Drizzle tables (see `rowFields`).
 */
export function fieldsOfSymbol(
  checker: ts.TypeChecker,
  catalogue: Catalogue,
  symbol: ts.Symbol | undefined,
  receiver?: () => ts.Type,
): Field[] {
  if (!symbol) return [];
  const fields: Field[] = [];
  for (const root of checker.getRootSymbols(symbol)) {
    for (const declaration of root.declarations ?? []) {
      const name = (declaration as ts.NamedDeclaration).name;
      if (!name) continue;
      const field = catalogue.fields.get(`${declaration.getSourceFile().fileName}#${name.getStart(declaration.getSourceFile())}`);
      if (field) fields.push(field);
      else if (catalogue.tables.length > 0 && ts.isPropertyAssignment(declaration))
        fields.push(...selectedColumn(checker, catalogue, declaration));
      else if (catalogue.prismaFields.size > 0 && ts.isPropertySignature(declaration)) fields.push(...prismaField(catalogue, declaration));
    }
  }
  if (fields.length === 0 && receiver && catalogue.tables.length > 0 && !symbol.declarations?.length)
    return rowFields(checker, catalogue, symbol.name, receiver());
  // A table's column (`patients.name` in `eq(patients.name, …)`) describes the data; it does not hold it.
  return fields.some((field) => isTableField(catalogue, field)) && isColumn(checker, symbol) ? [] : fields;
}

/** The tagged fields (not the consent-only ones) a property symbol stands for. */
export function taggedFieldsOfSymbol(
  checker: ts.TypeChecker,
  catalogue: Catalogue,
  symbol: ts.Symbol | undefined,
  receiver?: () => ts.Type,
): Field[] {
  return fieldsOfSymbol(checker, catalogue, symbol, receiver).filter((field) => field.kinds.length > 0);
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
    .flatMap((property) => taggedFieldsOfSymbol(checker, catalogue, property, () => type));
}

function isTableField(catalogue: Catalogue, field: Field): boolean {
  return catalogue.schemas.get(field.schemaKey)?.declaration === 'drizzle';
}

/** Drizzle's column objects, told by a property every dialect's columns have. */
function isColumn(checker: ts.TypeChecker, symbol: ts.Symbol): boolean {
  return checker.getNonNullableType(checker.getTypeOfSymbol(symbol)).getProperty('columnType') !== undefined;
}

/**
 * A property of a partial select's rows (`db.select({ who: patients.name })`): TypeScript points `row.who`
 * at the assignment `who: patients.name`, whose value is the column it selects.
 */
function selectedColumn(checker: ts.TypeChecker, catalogue: Catalogue, assignment: ts.PropertyAssignment): Field[] {
  const value = assignment.initializer;
  if (!ts.isPropertyAccessExpression(value) || !catalogue.fieldNames.has(value.name.text)) return [];
  const column = checker.getSymbolAtLocation(value.name);
  if (!column || !isColumn(checker, column)) return [];
  return columnFields(checker, catalogue, column);
}

/** The fields a column symbol is declared as (without the rule that a column is not data). */
function columnFields(checker: ts.TypeChecker, catalogue: Catalogue, column: ts.Symbol): Field[] {
  return checker.getRootSymbols(column).flatMap((root) =>
    (root.declarations ?? []).flatMap((declaration) => {
      const name = (declaration as ts.NamedDeclaration).name;
      const field = name && catalogue.fields.get(`${declaration.getSourceFile().fileName}#${name.getStart(declaration.getSourceFile())}`);
      return field && isTableField(catalogue, field) ? [field] : [];
    }),
  );
}

/**
 * A table's rows as Drizzle types them (`$inferSelect`, `$inferInsert`, `InferSelectModel<typeof t>`):
 * their properties point back to nothing, so a row is matched to the tables whose column keys are exactly
 * its properties, and the property to the column of its name.
 */
function rowFields(checker: ts.TypeChecker, catalogue: Catalogue, property: string, receiver: ts.Type): Field[] {
  const row = checker.getNonNullableType(receiver);
  const parts = row.isUnion() ? row.types : [row];
  return parts.flatMap((part) => {
    if (!(part.flags & ts.TypeFlags.Object)) return [];
    const keys = checker
      .getPropertiesOfType(part)
      .map((symbol) => symbol.name)
      .sort();
    return catalogue.tables
      .filter((table) => table.columns!.length === keys.length && table.columns!.every((column, index) => column === keys[index]))
      .flatMap((table) => table.fields.filter((field) => field.name === property));
  });
}

/**
 * A property of a model's row in a generated Prisma client: the client declares each model's columns in
 * `$<Model>Payload`'s `scalars` (`scalars: GetPayloadResult<{ name: string, … }>`), with the model's name in
 * its `name`, and TypeScript points the properties of every full row (`findFirst`, `include`) there.
 */
function prismaField(catalogue: Catalogue, declaration: ts.PropertySignature): Field[] {
  const name = declaration.name;
  if (!ts.isIdentifier(name) && !ts.isStringLiteral(name)) return [];
  let node: ts.Node = declaration.parent;
  for (let depth = 0; depth < 4 && !(ts.isPropertySignature(node) && node.name.getText() === 'scalars'); depth++) node = node.parent;
  const payload = ts.isPropertySignature(node) && ts.isTypeLiteralNode(node.parent) ? node.parent : undefined;
  if (!payload || !ts.isTypeAliasDeclaration(payload.parent) || !/^\$\w+Payload$/.test(payload.parent.name.text)) return [];
  const model = payload.members.find((member) => member.name?.getText() === 'name');
  const type = model && ts.isPropertySignature(model) ? model.type : undefined;
  if (!type || !ts.isLiteralTypeNode(type) || !ts.isStringLiteral(type.literal)) return [];
  const field = catalogue.prismaFields.get(`${type.literal.text}.${name.text}`);
  return field ? [field] : [];
}
