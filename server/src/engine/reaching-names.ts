import ts from 'typescript';
import type { Catalogue } from '../annotations/catalogue';
import { Marks, wordsPattern } from '../base/marks';
import { namesOf } from '../base/typescript-internals';
import { guardBounds } from './guards';
import type { Structure } from './structure';

/** A function, method or class of a file, by the name code calls it with. */
interface NamedCode {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** Each file's named code, found once per syntax tree: an unchanged file keeps its tree across edits. */
const namedCodeOfTree = new WeakMap<ts.SourceFile, readonly NamedCode[]>();

/**
 * The names of the workspace's functions whose code may use a tagged field, directly or through the
 * functions it calls: code that mentions a tagged field's or a schema's name, then code that mentions one
 * of those functions, and so on, as deep as reached uses are followed. The answer is the cheap question
 * asked before the checker: a call in code with a context whose callee's name is not among these reaches
 * no use, and is not resolved. It is a superset — a word in a comment, another function of the same name —
 * never a subset, so the answer of a query that looks through it depends only on the code it then reaches
 * (see `reachedUsesOf`). Contexts do not count here: a function with its own context is still named, so
 * that the query meets it and knows it as a boundary.
 */
export function reachingNames(structure: Structure, catalogue: Catalogue): ReadonlySet<string> {
  const trees: ts.SourceFile[] = [];
  for (const project of structure.projects) {
    for (const sourceFile of project.program().getSourceFiles()) {
      if (structure.owners.get(sourceFile.fileName) === project && !sourceFile.isDeclarationFile) trees.push(sourceFile);
    }
  }
  const found = new Set<string>();
  let frontier = [...catalogue.fieldNames, ...[...catalogue.schemas.values()].map((schema) => schema.name)];
  for (let level = 0; level <= guardBounds.depth && frontier.length > 0; level++) {
    const next: string[] = [];
    const pattern = wordsPattern(frontier, { spreads: false });
    for (const sourceFile of trees) {
      const words = namesOf(sourceFile);
      if (!frontier.some((word) => words.has(word))) continue;
      const marks = Marks.of(sourceFile.text, pattern);
      for (const code of namedCodeOf(sourceFile)) {
        if (found.has(code.name) || !marks.anyIn(code.start, code.end)) continue;
        found.add(code.name);
        next.push(code.name);
      }
    }
    frontier = next;
  }
  return found;
}

function namedCodeOf(sourceFile: ts.SourceFile): readonly NamedCode[] {
  let named = namedCodeOfTree.get(sourceFile);
  if (!named) {
    const found: NamedCode[] = [];
    const visit = (node: ts.Node): void => {
      const name = nameOfCode(node);
      if (name) found.push({ name, start: node.pos, end: node.end });
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    named = found;
    namedCodeOfTree.set(sourceFile, named);
  }
  return named;
}

/** The name a function, method, accessor or class is called by (`const f = () => …` included). */
function nameOfCode(node: ts.Node): string | undefined {
  if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isMethodDeclaration(node) || ts.isAccessor(node))
    return node.name && textOf(node.name);
  if ((ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) && node.initializer) {
    const value = node.initializer;
    return ts.isArrowFunction(value) || ts.isFunctionExpression(value) || ts.isClassExpression(value) ? textOf(node.name) : undefined;
  }
  return undefined;
}

function textOf(name: ts.Node): string | undefined {
  return ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}
