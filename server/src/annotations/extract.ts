import ts from 'typescript';
import type { Span } from '../base/finding';
import { Marks } from '../base/marks';
import { LibrarySchemas } from './library-schemas';
import type {
  AnnotationProblem,
  Arg,
  CodeContext,
  ContextKind,
  Decorator,
  DocAnchor,
  Field,
  FieldKind,
  FileAnnotations,
  Schema,
  SchemaDeclaration,
  Tag,
} from './model';
import { emptyAnnotations } from './model';
import { declarationDoc, docOf, isFileDoc } from './tags';
import { validateTag } from './validate';
import { annotationPrefilter, isKnownTag, type KnownTag, misspeltTag, tagPlaces } from './vocabulary';

export type Place = 'field' | 'schema' | 'code';

/**
 * Reads every annotation of one file from its syntax tree. Purely syntactic, so the result depends on the
 * file's text alone and is cached per file version; files whose text mentions no annotation tag are not
 * walked at all.
 */
export function extractAnnotations(sourceFile: ts.SourceFile): FileAnnotations {
  if (!annotationPrefilter.test(sourceFile.text)) return emptyAnnotations(sourceFile.fileName);
  return new Extractor(sourceFile).run();
}

interface ReadTags {
  readonly tags: readonly Tag[];
  readonly doc: DocAnchor;
}

class Extractor {
  private readonly file: string;
  private readonly text: string;
  private readonly schemas: Schema[] = [];
  private readonly contexts: CodeContext[] = [];
  private readonly problems: AnnotationProblem[] = [];
  private readonly consentFields: Field[] = [];
  private readonly imports = new Map<string, string>();
  private readonly importedNames = new Map<string, string>();
  private readonly librarySchemas = new LibrarySchemas(this.imports);

  /** Where each `/**` starts: a node with none inside its extent carries no tag. */
  private readonly docStarts: Marks;

  constructor(private readonly sourceFile: ts.SourceFile) {
    this.file = sourceFile.fileName;
    this.text = sourceFile.text;
    this.docStarts = Marks.of(this.text, /\/\*\*/g);
  }

  run(): FileAnnotations {
    this.readImports();
    for (const statement of this.sourceFile.statements) {
      if (ts.isVariableStatement(statement))
        for (const declaration of statement.declarationList.declarations) this.librarySchemas.noteVariable(declaration);
    }
    this.readFileContext();
    this.visit(this.sourceFile);
    return { file: this.file, schemas: this.schemas, contexts: this.contexts, problems: this.problems, consentFields: this.consentFields };
  }

  private readonly visit = (node: ts.Node): void => {
    if (!this.docStarts.within(node)) return;
    if (ts.isInterfaceDeclaration(node)) {
      this.readSchema(node, node.name, 'interface', propertiesOfMembers(node.members));
      return;
    }
    if (ts.isTypeAliasDeclaration(node)) {
      this.readSchema(node, node.name, 'type', propertiesOfType(node.type));
      return;
    }
    if (ts.isVariableStatement(node) && this.readLibrarySchemas(node)) return;
    if (ts.isClassLike(node)) this.readClass(node);
    else {
      const bound = boundFunction(node, this.sourceFile);
      if (bound) this.readCodeContext(bound.host, bound.name, bound.kind, bound.span);
    }
    ts.forEachChild(node, this.visit);
  };

  private readFileContext(): void {
    const first = this.sourceFile.statements[0];
    const found = first && docOf(first, this.text);
    if (!found || !isFileDoc(found)) return;
    const span = found.span;
    const tags = this.validTags(found.tags, ['code'], 'a file');
    const anchor: DocAnchor = { block: span, insertAt: span.start, indent: '' };
    this.pushContext(
      'file',
      fileLabel(this.file),
      { start: 0, end: this.text.length },
      { start: span.start, end: span.start },
      tags,
      anchor,
    );
  }

  private readClass(node: ts.ClassLikeDeclaration): void {
    const fields = node.members.filter(
      (member): member is ts.PropertyDeclaration => ts.isPropertyDeclaration(member) && !isFunctionLike(member.initializer),
    );
    const name = node.name ?? (ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name : undefined);
    const schemaTags = this.readSchema(node, name, 'class', fields, ['schema', 'code']);
    if (name)
      this.pushContext('class', name.text, spanOf(node, this.sourceFile), spanOf(name, this.sourceFile), schemaTags.tags, schemaTags.doc);
  }

  /** Zod schemas and Drizzle tables held in the statement's variables; whether there was one. */
  private readLibrarySchemas(statement: ts.VariableStatement): boolean {
    const declarations = statement.declarationList.declarations;
    let found = false;
    for (const declaration of declarations) {
      const schema =
        declaration.initializer && ts.isIdentifier(declaration.name) ? this.librarySchemas.of(declaration.initializer) : undefined;
      if (!schema || !ts.isIdentifier(declaration.name)) continue;
      found = true;
      // The block before `export const …` is the schema's, as it is the variable's for TypeScript.
      const host = declarations.length === 1 ? statement : declaration;
      const properties = schema.literals.flatMap((literal) => this.libraryFields(literal));
      const table =
        schema.library === 'drizzle'
          ? {
              tableName: schema.tableName,
              columns: properties.map((property) => property.name.getText(this.sourceFile).replace(/^['"]|['"]$/g, '')).sort(),
            }
          : undefined;
      this.readSchema(host, declaration.name, schema.library, properties, ['schema'], table);
    }
    return found;
  }

  /** The property assignments of a schema's literal, and those of the Zod object schemas nested in them. */
  private libraryFields(literal: ts.ObjectLiteralExpression): ts.PropertyAssignment[] {
    return literal.properties.flatMap((property) => {
      if (!ts.isPropertyAssignment(property)) return [];
      const nested = this.librarySchemas.nestedZodObject(property.initializer);
      return [property, ...nested.flatMap((inner) => this.libraryFields(inner))];
    });
  }

  private readSchema(
    node: ts.Node,
    name: ts.Identifier | undefined,
    declaration: SchemaDeclaration,
    properties: readonly ts.NamedDeclaration[],
    places: readonly Place[] = ['schema'],
    table?: { readonly tableName: string | undefined; readonly columns: readonly string[] },
  ): ReadTags {
    const own = this.readTags(node, places, declaration === 'class' ? 'a class' : 'a type');
    if (!name) return own;
    const key = `${this.file}#${name.getStart(this.sourceFile)}`;
    const fields: Field[] = [];
    const consentFields: Field[] = [];
    for (const property of properties) {
      const field = this.readField(property, key);
      if (!field) continue;
      if (field.kinds.length > 0) fields.push(field);
      else if (field.parentalConsent || field.consent) consentFields.push(field);
    }
    if (fields.length === 0) {
      this.consentFields.push(...consentFields);
      return own;
    }
    const purposes = merged(own.tags, 'purpose');
    if (purposes) this.problems.push(...narrowingProblems(this.file, fields, purposes));
    const minimumAge = find(own.tags, 'minimumAge');
    const piFile = find(own.tags, 'piFile');
    this.schemas.push({
      key,
      file: this.file,
      name: name.text,
      nameSpan: spanOf(name, this.sourceFile),
      declaration,
      fields,
      consentFields,
      decorators: this.decoratorsOf(node),
      ...(table?.tableName !== undefined && { tableName: table.tableName }),
      ...(table && { columns: table.columns }),
      doc: own.doc,
      ...(purposes && { purposes }),
      ...(piFile && { piFile: piFileName(piFile) }),
      ...(minimumAge?.args[0] && { minimumAge: { value: Number(minimumAge.args[0].text), span: minimumAge.args[0].span } }),
    });
    return own;
  }

  private readField(property: ts.NamedDeclaration, schemaKey: string): Field | undefined {
    const name = property.name;
    if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name))) return undefined;
    const { tags, doc } = this.readTags(property, ['field'], 'a field');
    if (tags.length === 0) return undefined;
    const kinds = tags.flatMap(fieldKind);
    const notPersonal = find(tags, 'notPersonal');
    if (notPersonal && kinds.length > 0)
      this.problems.push({
        file: this.file,
        span: notPersonal.span,
        message: `\`@notPersonal\` says that \`${name.text}\` is not personal information, but its other tags say it is: keep the ones that are true.`,
      });
    const purposes = merged(tags, 'purpose');
    const nameSpan = spanOf(name, this.sourceFile);
    const path = pathOf(property, name.text);
    return {
      key: `${this.file}#${nameSpan.start}`,
      schemaKey,
      file: this.file,
      name: name.text,
      ...(path && { path }),
      nameSpan,
      kinds,
      parentalConsent: tags.some((tag) => tag.name === 'parentalConsent'),
      consent: tags.some((tag) => tag.name === 'consent'),
      doc,
      ...(purposes && { purposes }),
    };
  }

  private readCodeContext(host: ts.Node, name: string, kind: ContextKind, nameSpan: Span): void {
    const { tags, doc } = this.readTags(host, ['code'], kind === 'method' ? 'a method' : 'a function');
    this.pushContext(kind, name, spanOf(host, this.sourceFile), nameSpan, tags, doc);
  }

  private pushContext(kind: ContextKind, name: string, span: Span, nameSpan: Span, tags: readonly Tag[], doc: DocAnchor): void {
    const purposes = merged(tags, 'purpose');
    const basis = find(tags, 'basis');
    const parentalConsent = tags.some((tag) => tag.name === 'parentalConsent');
    const consent = tags.some((tag) => tag.name === 'consent');
    const age = kind !== 'class' && kind !== 'file' && tags.some((tag) => tag.name === 'age');
    if (!purposes && !basis && !parentalConsent && !consent && !age) return;
    this.contexts.push({
      file: this.file,
      kind,
      name,
      span,
      nameSpan,
      parentalConsent,
      consent,
      age,
      doc,
      ...(purposes && { purposes }),
      ...(basis && { basis }),
    });
  }

  /** The node's own known tags, checked for place and arguments; bad ones become problems and are dropped. */
  private readTags(node: ts.Node, places: readonly Place[], where: string): ReadTags {
    const { block, doc } = declarationDoc(node, this.sourceFile);
    return { tags: block && block.tags.length > 0 ? this.validTags(block.tags, places, where) : [], doc };
  }

  private validTags(raw: readonly Tag[], places: readonly Place[], where: string): Tag[] {
    return validTags(this.file, raw, places, where, this.problems);
  }

  private readImports(): void {
    for (const statement of this.sourceFile.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const clause = statement.importClause;
      const module = statement.moduleSpecifier.text;
      if (clause?.name) this.imports.set(clause.name.text, module);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) this.imports.set(element.name.text, module);
        // `import { Entity as OrmEntity }`: the decorator is known by the name its module gives it.
        for (const element of bindings.elements)
          if (element.propertyName) this.importedNames.set(element.name.text, element.propertyName.text);
      } else if (bindings) this.imports.set(bindings.name.text, module);
    }
  }

  private decoratorsOf(node: ts.Node): Decorator[] {
    if (!ts.canHaveDecorators(node)) return [];
    return (ts.getDecorators(node) ?? []).flatMap((decorator) => {
      const callee = ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if (!name) return [];
      const root = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression.text : name;
      const module = this.imports.get(root);
      const imported = root === name ? (this.importedNames.get(name) ?? name) : name;
      return [module === undefined ? { name } : { name: imported, module }];
    });
  }
}

/** The known tags of `raw` that belong in one of `places` and whose arguments are good; the others become problems. */
export function validTags(
  file: string,
  raw: readonly Tag[],
  places: readonly Place[],
  where: string,
  problems: AnnotationProblem[],
): Tag[] {
  const tags: Tag[] = [];
  for (const tag of raw) {
    const name = tag.name;
    if (!isKnownTag(name)) {
      const meant = misspeltTag(name);
      if (meant)
        problems.push({
          file,
          span: tag.span,
          message: `\`@${name}\` is not a tag of the annotation language (tags are case-sensitive); did you mean \`@${meant}\`? As written it is ignored.`,
          suggestion: { span: tag.span, text: `@${meant}` },
        });
      continue;
    }
    if (!tagPlaces[name].some((place) => places.includes(place))) {
      problems.push({ file, span: tag.span, message: `\`@${name}\` belongs on ${placeNames(tagPlaces[name])}, not on ${where}.` });
      continue;
    }
    const problem = validateTag(tag);
    if (problem) problems.push({ file, ...problem });
    else tags.push(tag);
  }
  return tags;
}

/** A field's `@purpose` narrows its schema's: an id the schema does not declare is a mistake. */
export function narrowingProblems(file: string, fields: readonly Field[], schemaPurposes: Tag): AnnotationProblem[] {
  const declared = schemaPurposes.args.map((arg) => arg.text);
  return fields.flatMap((field) =>
    (field.purposes?.args ?? [])
      .filter((arg) => !declared.includes(arg.text))
      .map((arg) => ({
        file,
        span: arg.span,
        message: `\`${arg.text}\` is not among the schema's purposes (${declared.map((id) => `\`${id}\``).join(', ')}): a field's \`@purpose\` narrows them; declare it on the schema too.`,
      })),
  );
}

export function fieldKind(tag: Tag): FieldKind[] {
  switch (tag.name as KnownTag) {
    case 'personal':
      return [tag.rest ? { tag: 'personal', detail: tag.rest } : { tag: 'personal' }];
    case 'specialCare':
      return [{ tag: 'specialCare', category: tag.args[0]!.text }];
    case 'facial':
    case 'myNumber':
    case 'birthDate':
    case 'age':
      return [{ tag: tag.name as 'facial' | 'myNumber' | 'birthDate' | 'age' }];
    default:
      return [];
  }
}

/** `@piFile "Patient Registry"`, or the whole line when it is not quoted. */
export function piFileName(tag: Tag): Arg {
  const first = tag.args[0]!;
  if (tag.rest.startsWith('"')) return first;
  const last = tag.args[tag.args.length - 1]!;
  return { text: tag.rest, span: { start: first.span.start, end: last.span.end } };
}

export function find(tags: readonly Tag[], name: KnownTag): Tag | undefined {
  return tags.find((tag) => tag.name === name);
}

/** Several `@purpose` tags on one declaration declare the union of their ids. */
export function merged(tags: readonly Tag[], name: KnownTag): Tag | undefined {
  const all = tags.filter((tag) => tag.name === name);
  if (all.length <= 1) return all[0];
  return { ...all[0]!, args: all.flatMap((tag) => tag.args) };
}

/** `person.display` for a field nested in a type literal of the schema's `person`; undefined at the top. */
function pathOf(property: ts.NamedDeclaration, name: string): string | undefined {
  const outer: string[] = [];
  for (
    let node = property.parent;
    node &&
    !ts.isInterfaceDeclaration(node) &&
    !ts.isTypeAliasDeclaration(node) &&
    !ts.isClassDeclaration(node) &&
    !ts.isVariableDeclaration(node);
    node = node.parent
  ) {
    // A type literal's property, or a Zod field whose value is an object schema.
    if ((ts.isPropertySignature(node) || ts.isPropertyAssignment(node)) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)))
      outer.unshift(node.name.text);
  }
  return outer.length > 0 ? [...outer, name].join('.') : undefined;
}

function propertiesOfMembers(members: ts.NodeArray<ts.TypeElement>): ts.NamedDeclaration[] {
  return members.flatMap((member) => (ts.isPropertySignature(member) ? [member, ...nestedProperties(member.type)] : []));
}

/** The properties a type alias declares: its type literals, through unions, intersections and nesting. */
function propertiesOfType(type: ts.TypeNode): ts.NamedDeclaration[] {
  return ts.isTypeLiteralNode(type) ? propertiesOfMembers(type.members) : nestedProperties(type);
}

function nestedProperties(type: ts.TypeNode | undefined): ts.NamedDeclaration[] {
  if (!type) return [];
  const found: ts.NamedDeclaration[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTypeLiteralNode(node)) found.push(...propertiesOfMembers(node.members));
    else ts.forEachChild(node, visit);
  };
  visit(type);
  return found;
}

interface BoundFunction {
  readonly host: ts.Node;
  readonly name: string;
  readonly kind: ContextKind;
  readonly span: Span;
}

/** Functions that can carry a context: declarations, methods, and function values bound to a name. */
function boundFunction(node: ts.Node, sourceFile: ts.SourceFile): BoundFunction | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) && node.name) {
    const kind: ContextKind = ts.isFunctionDeclaration(node) ? 'function' : 'method';
    return { host: node, name: node.name.getText(sourceFile), kind, span: spanOf(node.name, sourceFile) };
  }
  if (ts.isConstructorDeclaration(node)) {
    return { host: node, name: 'constructor', kind: 'method', span: spanOf(node.getFirstToken(sourceFile) ?? node, sourceFile) };
  }
  if (ts.isVariableStatement(node)) {
    const declaration = node.declarationList.declarations[0];
    if (declaration && ts.isIdentifier(declaration.name) && isFunctionLike(declaration.initializer)) {
      return { host: node, name: declaration.name.text, kind: 'function', span: spanOf(declaration.name, sourceFile) };
    }
  }
  if ((ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) && isFunctionLike(node.initializer)) {
    const kind: ContextKind = ts.isPropertyDeclaration(node) ? 'method' : 'function';
    return { host: node, name: node.name.getText(sourceFile), kind, span: spanOf(node.name, sourceFile) };
  }
  return undefined;
}

function isFunctionLike(node: ts.Node | undefined): boolean {
  return !!node && (ts.isArrowFunction(node) || ts.isFunctionExpression(node));
}

export function spanOf(node: ts.Node, sourceFile: ts.SourceFile): Span {
  return { start: node.getStart(sourceFile), end: node.end };
}

function fileLabel(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

function placeNames(places: readonly Place[]): string {
  const names = { field: 'a field', schema: 'a type', code: 'code' };
  return places.map((place) => names[place]).join(' or ');
}
