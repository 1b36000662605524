import ts from 'typescript';

/**
 * Schemas that a library builds from an object literal held in a variable (SPEC §2, "Where fields can be
 * declared"): a Zod object schema, a Drizzle table. Recognised syntactically, by the import the call's
 * name comes from, so that a workspace whose packages are not installed reads the same; the literal's
 * property assignments are the fields, and TypeScript resolves the properties of the types derived from
 * them (`z.infer`, a query's rows) to those assignments.
 */
export type LibrarySchema =
  /** The literals of the chain, base first: `z.object({…}).extend({…})` has two. */
  | { readonly library: 'zod'; readonly literals: readonly ts.ObjectLiteralExpression[] }
  | { readonly library: 'drizzle'; readonly literals: readonly [ts.ObjectLiteralExpression]; readonly tableName: string | undefined };

/** Zod's entry points: `zod`, and the releases and builds it ships as subpaths (`zod/v4`, `zod/v3`, `zod/mini`). */
const zodModule = /^zod(\/|$)/;
const drizzleModule = /^drizzle-orm(\/|$)/;
const zodObjectBuilders = new Set(['object', 'strictObject', 'looseObject']);
const drizzleTableBuilders = new Set(['pgTable', 'mysqlTable', 'sqliteTable', 'singlestoreTable', 'gelTable']);
const drizzleTableCreators = new Set(['pgTableCreator', 'mysqlTableCreator', 'sqliteTableCreator', 'singlestoreTableCreator']);

/** A file's imports: each local name and the module it comes from (namespace and default imports too). */
export type Imports = ReadonlyMap<string, string>;

export class LibrarySchemas {
  /** Local functions made by a Drizzle table creator (`const table = pgTableCreator((name) => …)`). */
  private readonly tableCreators = new Set<string>();

  constructor(private readonly imports: Imports) {}

  /** Notes a variable whose initializer makes a Drizzle table creator; called for every variable before `of`. */
  noteVariable(declaration: ts.VariableDeclaration): void {
    const call = declaration.initializer && skipParentheses(declaration.initializer);
    if (
      ts.isIdentifier(declaration.name) &&
      call &&
      ts.isCallExpression(call) &&
      this.isImported(call.expression, drizzleTableCreators, drizzleModule)
    )
      this.tableCreators.add(declaration.name.text);
  }

  /** The schema a variable's initializer builds, if it is one. */
  of(initializer: ts.Expression): LibrarySchema | undefined {
    // `z.object({…}).extend({…}).strict()`: the chain is read from its end, and every literal it adds is the schema's.
    const literals: ts.ObjectLiteralExpression[] = [];
    for (let node = skipParentheses(initializer); ts.isCallExpression(node); ) {
      const callee = node.expression;
      const first = node.arguments[0] && skipParentheses(node.arguments[0]);
      const literal = first && ts.isObjectLiteralExpression(first) ? first : undefined;
      if (this.isImported(callee, zodObjectBuilders, zodModule)) {
        return literal ? { library: 'zod', literals: [literal, ...literals] } : undefined;
      }
      if (literals.length === 0 && (this.isImported(callee, drizzleTableBuilders, drizzleModule) || this.isTableCreator(callee)))
        return drizzleTable(node);
      if (!ts.isPropertyAccessExpression(callee)) break;
      // `Base.extend({…})`, in a file that imports Zod: the base's own fields stay the base's.
      if (callee.name.text === 'extend' && literal && this.importsFrom(zodModule)) literals.unshift(literal);
      node = skipParentheses(callee.expression);
    }
    return literals.length > 0 ? { library: 'zod', literals } : undefined;
  }

  /** A nested object schema in a Zod field's value (`address: z.object({…}).optional()`). */
  nestedZodObject(value: ts.Expression): readonly ts.ObjectLiteralExpression[] {
    const schema = this.of(value);
    return schema?.library === 'zod' ? schema.literals : [];
  }

  private isTableCreator(callee: ts.Expression): boolean {
    return ts.isIdentifier(callee) && this.tableCreators.has(callee.text);
  }

  /** `name(…)` imported by that name, or `ns.name(…)` through a namespace or default import, from a matching module. */
  private isImported(callee: ts.Expression, names: ReadonlySet<string>, module: RegExp): boolean {
    if (ts.isIdentifier(callee)) return names.has(callee.text) && module.test(this.imports.get(callee.text) ?? '');
    return (
      ts.isPropertyAccessExpression(callee) &&
      ts.isIdentifier(callee.expression) &&
      names.has(callee.name.text) &&
      module.test(this.imports.get(callee.expression.text) ?? '')
    );
  }

  private importsFrom(module: RegExp): boolean {
    for (const from of this.imports.values()) if (module.test(from)) return true;
    return false;
  }
}

/** `pgTable('patients', { … })`, or with the columns from a function (`(t) => ({ … })`), and extra config after. */
function drizzleTable(call: ts.CallExpression): LibrarySchema | undefined {
  const [name, columns] = call.arguments;
  const literal = columns && columnsLiteral(skipParentheses(columns));
  if (!literal) return undefined;
  const tableName = name && ts.isStringLiteralLike(name) ? name.text : undefined;
  return { library: 'drizzle', literals: [literal], tableName };
}

function columnsLiteral(node: ts.Expression): ts.ObjectLiteralExpression | undefined {
  if (ts.isObjectLiteralExpression(node)) return node;
  if (!ts.isArrowFunction(node)) return undefined;
  const body = ts.isBlock(node.body) ? undefined : skipParentheses(node.body);
  return body && ts.isObjectLiteralExpression(body) ? body : undefined;
}

function skipParentheses(node: ts.Expression): ts.Expression {
  let inner = node;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner)) inner = inner.expression;
  return inner;
}
