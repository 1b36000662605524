import ts from 'typescript';
import type { Catalogue } from '../../annotations/catalogue';
import { spanOf } from '../../annotations/extract';
import type { Field } from '../../annotations/model';
import type { Span } from '../../base/finding';
import { skipOuter } from '../guards';
import type { FileQuery } from '../query';
import { fieldsCarried, taggedFieldsOfSymbol } from '../symbols';
import { calleePath, mayHaveSinks, noSettings, SinkResolver } from './sink-resolver';
import type { SinkKind } from './sinks';

/** A sink a value reaches, and where that sink receives it: the argument, or the property of a literal argument. */
export interface SinkHop {
  readonly sink: string;
  readonly kind: SinkKind;
  readonly span: Span;
}

/**
 * A value carrying tagged fields handed to a sink: a schema value (every tagged field it carries is used),
 * or a tagged field's own value. A value nested in the arguments of several sinks is one escape: `through`
 * lists them innermost first, and `span` and `sink` are the innermost's.
 */
export interface Escape {
  readonly kind: 'escape';
  readonly span: Span;
  /** The value itself, inside what the sink receives (`p` in `log.info({ patient: p })`). */
  readonly value: Span;
  readonly fields: readonly Field[];
  /** What it escapes into, for messages: `console.log`, `JSON.stringify`, `mailer.send`, `a spread`. */
  readonly sink: string;
  readonly through: readonly SinkHop[];
  /** A whole value of a schema, or one tagged field's value (`p.name`), which a read of it already counts. */
  readonly carries: 'value' | 'field';
}

/**
 * The values carrying tagged fields that reach a sink in a file — in any code, whatever its purpose: the
 * log rule reads them everywhere, the uses of a context include those in its code, and those in code with
 * no context are the uses that contexts reach through calls. Asks the checker only about the values inside
 * sinks' arguments, in files that name a sink or import a package.
 */
export const escapesOf: FileQuery<readonly Escape[]> = {
  name: 'escapes (sinks, checker)',
  reads: { types: true },
  compute: (input) => {
    if (input.catalogue.fields.size === 0) return [];
    if (!mayHaveSinks(input.sourceFile)) return [];
    const sinks = new SinkResolver(input.sourceFile, input.settings.sinks ?? noSettings);
    if (!sinks.mayHaveSinks()) return [];
    return new EscapeWalker(input.sourceFile, input.program(), input.catalogue, sinks).run(input.sourceFile);
  },
  namedFiles: (escapes) => escapes.flatMap((found) => found.fields.map((field) => field.file)),
};

interface Found {
  readonly leaf: ts.Node;
  readonly hops: SinkHop[];
}

class EscapeWalker {
  private readonly checker: ts.TypeChecker;
  private readonly found = new Map<ts.Node, Found>();

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly program: ts.Program,
    private readonly catalogue: Catalogue,
    private readonly sinks: SinkResolver,
  ) {
    this.checker = program.getTypeChecker();
  }

  run(root: ts.Node): Escape[] {
    this.visit(root);
    const escapes: Escape[] = [];
    for (const { leaf, hops } of this.found.values()) {
      const carried = this.carried(leaf);
      if (!carried) continue;
      // Outer sinks were met first: the innermost is the last.
      const through = [...hops].reverse();
      const innermost = through[0]!;
      escapes.push({
        kind: 'escape',
        span: innermost.span,
        value: spanOf(leaf, this.sourceFile),
        fields: carried.fields,
        sink: innermost.sink,
        through,
        carries: carried.carries,
      });
    }
    return escapes.sort((a, b) => a.span.start - b.span.start);
  }

  private readonly visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const sink = this.sinks.sinkOf(node.expression, this.checker, this.program);
      if (sink) for (const argument of node.arguments) this.collect(argument, argument, sink);
    }
    ts.forEachChild(node, this.visit);
  };

  /** The values an argument carries to the sink, looking through literals, templates, branches and other sinks. */
  private collect(node: ts.Expression, anchor: ts.Node, sink: { name: string; kind: SinkKind }): void {
    for (const part of partsOf(node, anchor)) {
      if (part.leaf) this.add(part.node, part.anchor, sink);
      else this.collect(part.node as ts.Expression, part.anchor, sink);
    }
  }

  private add(leaf: ts.Node, anchor: ts.Node, sink: { name: string; kind: SinkKind }): void {
    const found = this.found.get(leaf) ?? { leaf, hops: [] };
    found.hops.push({ sink: sink.name, kind: sink.kind, span: spanOf(anchor, this.sourceFile) });
    this.found.set(leaf, found);
  }

  /** A schema value's tagged fields, or a tagged field's own (`p.name`, `p['name']`). */
  private carried(leaf: ts.Node): { fields: Field[]; carries: 'value' | 'field' } | undefined {
    const name = ts.isPropertyAccessExpression(leaf)
      ? leaf.name
      : ts.isElementAccessExpression(leaf) && ts.isStringLiteralLike(leaf.argumentExpression)
        ? leaf.argumentExpression
        : undefined;
    if (name && this.catalogue.fieldNames.has(name.text)) {
      const receiver = () => this.checker.getTypeAtLocation((leaf as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
      const fields = taggedFieldsOfSymbol(this.checker, this.catalogue, this.checker.getSymbolAtLocation(name), receiver);
      if (fields.length > 0) return { fields: unique(fields), carries: 'field' };
    }
    const fields = fieldsCarried(this.checker, this.catalogue, this.checker.getTypeAtLocation(leaf));
    return fields.length > 0 ? { fields: unique(fields), carries: 'value' } : undefined;
  }
}

interface Part {
  readonly node: ts.Node;
  /** Where the sink receives it: the argument, or the property of an object literal argument. */
  readonly anchor: ts.Node;
  /** A value that carries what it is (a name, a property, a call's result), not one to look into. */
  readonly leaf: boolean;
}

/** What a value handed to a sink is made of. Literals and functions carry nothing. */
function partsOf(node: ts.Expression, anchor: ts.Node): Part[] {
  const value = skipOuter(node);
  const inner = (part: ts.Node, at = anchor): Part => ({ node: part, anchor: at, leaf: false });
  if (ts.isSpreadElement(value)) return [inner(value.expression)];
  if (ts.isObjectLiteralExpression(value)) {
    return value.properties.flatMap((property): Part[] => {
      const at = anchor === node ? property : anchor;
      if (ts.isPropertyAssignment(property)) return [inner(property.initializer, at)];
      if (ts.isShorthandPropertyAssignment(property)) return [{ node: property.name, anchor: at, leaf: true }];
      if (ts.isSpreadAssignment(property)) return [inner(property.expression, at)];
      return [];
    });
  }
  if (ts.isArrayLiteralExpression(value)) return value.elements.map((element) => inner(element));
  if (ts.isTemplateExpression(value)) return value.templateSpans.map((span) => inner(span.expression));
  if (ts.isConditionalExpression(value)) return [inner(value.whenTrue), inner(value.whenFalse)];
  if (ts.isBinaryExpression(value) && carriesOperands(value.operatorToken.kind)) {
    return value.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken
      ? [inner(value.right)]
      : [inner(value.left), inner(value.right)];
  }
  // `JSON.stringify(v)` and `String(v)` carry `v` on; a nested sink is also met on its own, as the innermost.
  if (ts.isCallExpression(value) && isCarrier(value.expression)) return value.arguments.slice(0, 1).map((argument) => inner(argument));
  if (ts.isLiteralExpression(value) || ts.isArrowFunction(value) || ts.isFunctionExpression(value) || isKeywordLiteral(value)) return [];
  return [{ node: value, anchor, leaf: true }];
}

/** `JSON.stringify(v)` and `String(v)`: what they return carries `v`. */
function isCarrier(callee: ts.Expression): boolean {
  const path = calleePath(callee);
  return (
    path !== undefined &&
    ((path.length === 2 && path[0] === 'JSON' && path[1] === 'stringify') || (path.length === 1 && path[0] === 'String'))
  );
}

/** `+` (concatenation), `??` and `||` carry either side; `&&` its right. */
function carriesOperands(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.PlusToken ||
    kind === ts.SyntaxKind.QuestionQuestionToken ||
    kind === ts.SyntaxKind.BarBarToken ||
    kind === ts.SyntaxKind.AmpersandAmpersandToken
  );
}

function isKeywordLiteral(node: ts.Node): boolean {
  return (
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(node) && node.text === 'undefined')
  );
}

function unique(fields: readonly Field[]): Field[] {
  return [...new Map(fields.map((field) => [field.key, field])).values()];
}
