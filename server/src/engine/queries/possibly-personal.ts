import ts from 'typescript';
import type { Catalogue } from '../../annotations/catalogue';
import { spanOf } from '../../annotations/extract';
import type { DocAnchor } from '../../annotations/model';
import { type PersonalNameMatch, personalNameMatch } from '../../annotations/name-words';
import { declarationDoc } from '../../annotations/tags';
import { isKnownTag, misspeltTag } from '../../annotations/vocabulary';
import type { Span } from '../../base/finding';
import type { FileQuery, QueryInput } from '../query';

/**
 * An untagged field whose name looks like personal information (`possibly-personal`), of a type that
 * counts: a schema, a type that declares `@purpose` itself, or a type that code with a context handles.
 */
export interface PossiblyPersonal {
  readonly type: string;
  /** The field's name, and its path from the type for a field of a nested type literal (`person.name`). */
  readonly field: string;
  readonly nameSpan: Span;
  readonly match: PersonalNameMatch;
  /** Where a tag for the field goes. */
  readonly doc: DocAnchor;
  /** Why the type counts: where code with a context handles it, when that is why. */
  readonly why: { readonly kind: 'schema' | 'purpose' } | { readonly kind: 'handled'; readonly at: Handling };
}

/** A parameter or variable typed with the type, in code with a context. */
export interface Handling {
  readonly file: string;
  readonly span: Span;
  readonly context: string;
}

/**
 * The file's suggestions. Only types with a field whose name matches are looked up elsewhere, and only in
 * the files that mention the type's name; so a workspace with few such fields pays for few lookups, and
 * none at all when the rule is off (no rule asks).
 */
export const possiblyPersonalFields: FileQuery<readonly PossiblyPersonal[]> = {
  name: 'possibly personal fields',
  // A type is handled in the files that import this one (`callers`), resolved with their checkers.
  reads: { types: true, callers: true },
  compute: (input) => {
    const found: PossiblyPersonal[] = [];
    for (const type of ownedTypes(input.sourceFile)) {
      const fields = suggestedFields(type.members, input.sourceFile, '');
      if (fields.length === 0) continue;
      const why = whyCounts(type, input);
      if (why) for (const field of fields) found.push({ ...field, type: type.name.text, why });
    }
    return found;
  },
  // The place a type is handled at is in another file: an edit there that only moves it (a comment, white
  // space) must move the related location too.
  namedFiles: (found) => found.flatMap((suggestion) => (suggestion.why.kind === 'handled' ? [suggestion.why.at.file] : [])),
};

interface OwnedType {
  readonly node: ts.InterfaceDeclaration | ts.ClassDeclaration | ts.TypeAliasDeclaration;
  readonly name: ts.Identifier;
  readonly members: readonly ts.Node[];
}

/** The interfaces, classes and object type aliases a file declares, in namespaces too. */
function ownedTypes(sourceFile: ts.SourceFile): OwnedType[] {
  const types: OwnedType[] = [];
  const visit = (statements: readonly ts.Statement[]) => {
    for (const statement of statements) {
      if (ts.isInterfaceDeclaration(statement)) types.push({ node: statement, name: statement.name, members: statement.members });
      else if (ts.isClassDeclaration(statement) && statement.name)
        types.push({ node: statement, name: statement.name, members: statement.members });
      else if (ts.isTypeAliasDeclaration(statement) && ts.isTypeLiteralNode(statement.type))
        types.push({ node: statement, name: statement.name, members: statement.type.members });
      else if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body)) visit(statement.body.statements);
    }
  };
  visit(sourceFile.statements);
  return types;
}

type Suggested = Omit<PossiblyPersonal, 'type' | 'why'>;

/** The members whose names match and that carry no field tag (nor `@notPersonal`, nor a misspelling of one). */
function suggestedFields(members: readonly ts.Node[], sourceFile: ts.SourceFile, prefix: string): Suggested[] {
  const found: Suggested[] = [];
  for (const member of members) {
    if (!ts.isPropertySignature(member) && !ts.isPropertyDeclaration(member)) continue;
    const name = member.name;
    if (!ts.isIdentifier(name) && !ts.isStringLiteral(name)) continue;
    const { block, doc } = declarationDoc(member, sourceFile);
    if (block?.tags.some((tag) => isKnownTag(tag.name) || misspeltTag(tag.name))) continue;
    const path = `${prefix}${name.text}`;
    // A nested record (`person: { name: string }`) is looked into; its own name is not a field of the person.
    if (member.type && ts.isTypeLiteralNode(member.type)) {
      found.push(...suggestedFields(member.type.members, sourceFile, `${path}.`));
      continue;
    }
    const match = personalNameMatch(name.text);
    if (match) found.push({ field: path, nameSpan: spanOf(name, sourceFile), match, doc });
  }
  return found;
}

function whyCounts(type: OwnedType, input: QueryInput): PossiblyPersonal['why'] | undefined {
  const start = type.name.getStart(input.sourceFile);
  if (isSchema(input.catalogue, input.file, start)) return { kind: 'schema' };
  if (declarationDoc(type.node, input.sourceFile).block?.tags.some((tag) => tag.name === 'purpose')) return { kind: 'purpose' };
  const own = { file: input.file, sourceFile: input.sourceFile, program: input.program() };
  for (const site of [own, ...input.mentioning(type.name.text)]) {
    const at = handledIn(site, type.name.text, { file: input.file, start }, input.catalogue);
    if (at) return { kind: 'handled', at };
  }
  return undefined;
}

function isSchema(catalogue: Catalogue, file: string, start: number): boolean {
  return catalogue.schemas.has(`${file}#${start}`);
}

/**
 * The first parameter or variable of a site's code with a context whose declared type names the type (also
 * as `T[]`, `Promise<T>`, `T | undefined`…), resolved with the site's checker to the declaration.
 */
function handledIn(
  site: { readonly file: string; readonly sourceFile: ts.SourceFile; readonly program: ts.Program },
  name: string,
  declaration: { readonly file: string; readonly start: number },
  catalogue: Catalogue,
): Handling | undefined {
  const contexts = catalogue.contextsOf(site.file);
  if (!contexts.some((context) => context.purposes)) return undefined;
  const checker = site.program.getTypeChecker();
  let found: Handling | undefined;
  const names = (node: ts.Node): boolean => {
    if (ts.isTypeReferenceNode(node)) {
      const typeName = ts.isQualifiedName(node.typeName) ? node.typeName.right : node.typeName;
      if (typeName.text === name && resolvesTo(checker, typeName, declaration)) return true;
    }
    return ts.forEachChild(node, names) ?? false;
  };
  const visit = (node: ts.Node): void => {
    if (found) return;
    if ((ts.isParameter(node) || ts.isVariableDeclaration(node)) && node.type && names(node.type)) {
      const context = catalogue.contextAt(site.file, node.getStart(site.sourceFile));
      if (context) {
        found = { file: site.file, span: spanOf(node, site.sourceFile), context: context.name };
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(site.sourceFile);
  return found;
}

function resolvesTo(checker: ts.TypeChecker, name: ts.Identifier, declaration: { readonly file: string; readonly start: number }): boolean {
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return (
    symbol?.declarations?.some((node) => {
      const own = (node as ts.NamedDeclaration).name;
      return node.getSourceFile().fileName === declaration.file && own !== undefined && own.getStart() === declaration.start;
    }) ?? false
  );
}
