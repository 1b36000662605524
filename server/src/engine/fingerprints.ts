import { createHash } from 'node:crypto';
import ts from 'typescript';
import type { Finding } from '../base/finding';
import { relative } from '../base/paths';

/**
 * A finding's fingerprint (README, "Adopting APPI Guard on an existing codebase"): what it is about, never
 * where it is. Rule id, file, the names of the declarations around it (`PatientService.notify`), the text it
 * points at (a field's name, the call that reaches a use), and its message without the provision it cites;
 * then how many such findings came before it in the file. So moving code, adding lines above it or
 * renaming an unrelated function keeps it; a change of rule, field, context or purpose makes a new one.
 */
export interface Fingerprinted {
  readonly finding: Finding;
  readonly fingerprint: string;
  /** The declarations around the finding, outermost first, joined by `.`; empty at a file's top level. */
  readonly where: string;
}

export interface FingerprintInput {
  readonly root: string;
  /** The file's syntax tree, for TypeScript files; other files (the register, Prisma schemas) have none. */
  tree(file: string): ts.SourceFile | undefined;
  text(file: string): string | undefined;
}

/** Each finding with its fingerprint, in the order given. */
export function fingerprintFindings(findings: readonly Finding[], input: FingerprintInput): Fingerprinted[] {
  const seen = new Map<string, number>();
  const ordered = [...findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.offset - b.range.start.offset));
  const byFinding = new Map<Finding, Fingerprinted>();
  for (const finding of ordered) {
    const text = input.text(finding.file) ?? '';
    const tree = input.tree(finding.file);
    const where = tree ? declarationsAround(tree, finding.range.start.offset).join('.') : '';
    const anchor = text.slice(finding.range.start.offset, finding.range.end.offset).replace(/\s+/g, ' ').slice(0, 200);
    const key = JSON.stringify([finding.ruleId, relative(input.root, finding.file), where, anchor, withoutCitations(finding.message)]);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    const fingerprint = `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence}`;
    byFinding.set(finding, { finding, fingerprint, where });
  }
  return findings.map((finding) => byFinding.get(finding)!);
}

/**
 * A message without the articles it cites: every parenthesis that names an article (`(APPI Art. 18(1))`),
 * since which ones a message cites follows the register's sector, which says nothing about the finding.
 */
function withoutCitations(message: string): string {
  let result = '';
  let depth = 0;
  let group = '';
  for (const char of message) {
    if (depth === 0 && char !== '(') {
      result += char;
      continue;
    }
    group += char;
    if (char === '(') depth++;
    else if (char === ')' && --depth === 0) {
      if (!group.includes('Art.')) result += group;
      group = '';
    }
  }
  return result + group;
}

/** The names of the named declarations whose extent (their JSDoc included) holds `offset`, outermost first. */
function declarationsAround(sourceFile: ts.SourceFile, offset: number): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    const name = declarationName(node);
    if (name) names.push(name);
    // At most one child holds the offset: the walk goes down that one only.
    const inner = ts.forEachChild(node, (child) => (child.pos <= offset && offset < child.end ? child : undefined));
    if (inner) visit(inner);
  };
  visit(sourceFile);
  return names;
}

function declarationName(node: ts.Node): string | undefined {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isEnumDeclaration(node) ||
    ts.isModuleDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isMethodSignature(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isPropertySignature(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isGetAccessor(node) ||
    ts.isSetAccessor(node) ||
    ts.isVariableDeclaration(node)
  ) {
    const name = node.name;
    return name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) ? name.text : undefined;
  }
  return undefined;
}
