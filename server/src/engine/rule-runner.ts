import ts from 'typescript';
import { prismaClientOutputs } from '../annotations/prisma';
import type { Unchecked } from '../base/coverage';
import type { Finding, Notice, Severity } from '../base/finding';
import { LineIndex } from '../base/lines';
import { dirname, isInside, join, relative } from '../base/paths';
import type { FileResult } from '../base/result';
import type { Timings } from '../base/timings';
import { namesOf } from '../base/typescript-internals';
import { CancelledError } from './cancellation';
import type { Derived } from './derived';
import type { Documents } from './documents';
import { AnnotationFileContext, FileContext, type FileState } from './file-context';
import type { Results } from './invalidation';
import { uncheckedOf } from './queries/unchecked';
import { usesOf } from './queries/uses';
import type { FileQuery, QueryInput, WorkspaceQuery } from './query';
import { type Current, Reads } from './reads';
import { isStandIn } from './registry';
import type { RelatedSpan, Report, Rule } from './rule';
import type { AnalysisSettings } from './settings';
import { applySuppressions, findSuppressions } from './suppressions';

/** What the runner works with: the rules and their severities, and the workspace's derived data and records. */
export interface RunnerSetup {
  readonly root: string;
  readonly registerPath: string;
  readonly rules: readonly Rule[];
  severityOf(rule: Rule): Severity | 'off';
  settings(): AnalysisSettings;
  readonly documents: Documents;
  readonly derived: Derived;
  readonly results: Results;
  readonly timings: Timings;
  /** Whether the run in progress was cancelled: checked between rules. */
  cancelled(): boolean;
}

/**
 * Runs the rules over one file and turns their reports into findings: a source file's rules, then the
 * suppression comments, or the register's rules. Returns what the findings read, for the cache.
 */
export class RuleRunner {
  constructor(readonly setup: RunnerSetup) {}

  /** `now`: the versions and stamps the answers of queries are compared with. */
  analyseSource(file: string, now: Current): { result: FileResult; reads: Reads } {
    const { documents, derived } = this.setup;
    const reads = new Reads(documents.version(file));
    const source = documents.read(file);
    // A file not analysed is said (a notice) and counted as not checked (README, "What a clean run means").
    const skipped = (reason?: string) => ({
      result: {
        findings: [],
        notices: reason === undefined ? [] : [{ file, message: `skipped: ${reason}` }],
        unchecked: reason === undefined ? [] : [incomplete(file, reason)],
      },
      reads,
    });
    if (source.kind !== 'text') return skipped(source.kind === 'skipped' ? source.reason : undefined);
    const program = derived.program(file);
    const sourceFile = program?.getSourceFile(file);
    if (!program || !sourceFile) return skipped('not part of any project');
    if (isStandIn(sourceFile)) return skipped('nested too deeply for TypeScript to parse');
    const notices: Notice[] = [];
    const failed: Unchecked[] = [];
    const findings: Finding[] = [];
    const context = new FileContext(this, { file, sourceFile, program, reads, now, findings });
    const active = this.setup.rules.filter((rule) => this.setup.severityOf(rule) !== 'off');
    for (const rule of active) {
      // TypeScript polls the token only in its own long operations; rules are checked here.
      if (this.setup.cancelled()) throw new CancelledError();
      if (!rule.checkSource && !rule.checkAnnotations) continue;
      context.rule = rule;
      const failure = this.run(rule, file, notices, () => {
        rule.checkAnnotations?.(context);
        rule.checkSource?.(context);
      });
      if (failure) failed.push(incomplete(file, failure));
    }
    const unchecked = [...this.unchecked({ file, sourceFile, program, reads, now, findings }, notices), ...failed];
    if (program.getSyntacticDiagnostics(sourceFile).length > 0)
      notices.push({ file, message: 'has syntax errors: findings may be incomplete' });
    const suppressions = this.setup.timings.measure('suppressions', () =>
      findSuppressions(sourceFile, () => derived.lineIndex(file, sourceFile.text)!),
    );
    const { findings: marked, applied } = applySuppressions(findings, suppressions);
    const { root, registerPath } = this.setup;
    const ruleIds = this.setup.rules.map((rule) => rule.meta.id);
    for (const rule of suppressions.length > 0 ? active : []) {
      if (!rule.checkSuppressions) continue;
      this.run(rule, file, notices, () =>
        rule.checkSuppressions!({
          file,
          text: sourceFile.text,
          root,
          registerPath,
          suppressions: applied,
          ruleIds,
          report: (report) => marked.push(this.toFinding(rule, file, report)),
        }),
      );
    }
    return { result: { findings: marked, notices, unchecked }, reads };
  }

  /**
   * What in the file was not checked, counted whichever rules are on: the same query `unchecked-use`
   * reports from, so its answer is kept and invalidated with the file's other answers.
   */
  private unchecked(state: FileState, notices: Notice[]): Unchecked[] {
    const { file, sourceFile, program, reads, now } = state;
    try {
      const places = this.ask(file, sourceFile, program, uncheckedOf, reads, now);
      const lines = this.setup.derived.lineIndex(file, sourceFile.text)!;
      return places.map(({ span, ...place }) => ({ ...place, file, range: lines.range(span) }));
    } catch (error) {
      if (error instanceof ts.OperationCanceledException || error instanceof CancelledError) throw error;
      notices.push({ file, message: `what was not checked is not counted: ${error instanceof Error ? error.message : String(error)}` });
      return [];
    }
  }

  /**
   * A Prisma schema's findings: the rules that read annotations only, over its models' `///` comments.
   * They read the file (its version) and, through the context, the register and the workspace's answers.
   */
  analyseSchemaFile(file: string, now: Current): { result: FileResult; reads: Reads } {
    const { documents, derived, root, registerPath } = this.setup;
    const reads = new Reads(documents.version(file));
    const source = documents.read(file);
    if (source.kind !== 'text') {
      const reason = source.kind === 'skipped' ? source.reason : undefined;
      const unread = reason === undefined ? [] : [incomplete(file, reason)];
      return {
        result: { findings: [], notices: reason === undefined ? [] : [{ file, message: `skipped: ${reason}` }], unchecked: unread },
        reads,
      };
    }
    const findings: Finding[] = [];
    const notices: Notice[] = [];
    const failed: Unchecked[] = [];
    const context = new AnnotationFileContext(this, { file, text: source.text, reads, now, findings }, { derived, root, registerPath });
    for (const rule of this.setup.rules) {
      if (this.setup.severityOf(rule) === 'off' || !rule.checkAnnotations) continue;
      if (this.setup.cancelled()) throw new CancelledError();
      context.rule = rule;
      const failure = this.run(rule, file, notices, () => rule.checkAnnotations!(context));
      if (failure) failed.push(incomplete(file, failure));
    }
    const client = context.annotations.schemas.length > 0 ? missingPrismaClient(file, source.text, documents, root) : undefined;
    return { result: { findings, notices, unchecked: client ? [client, ...failed] : failed }, reads };
  }

  /** The register's findings read it (its own version) and every annotation of the workspace. */
  analyseRegister(): { result: FileResult; reads: Reads } {
    const { documents, derived, registerPath: file, root, registerPath } = this.setup;
    const reads = new Reads(documents.version(file));
    reads.allAnnotations = derived.annotationStamps().all;
    const findings: Finding[] = [];
    const notices: Notice[] = [];
    const active = this.setup.rules.filter((rule) => this.setup.severityOf(rule) !== 'off');
    const source = documents.read(file);
    if (source.kind === 'skipped') {
      for (const rule of active) {
        if (rule.checkUnreadableRegister)
          this.run(rule, file, notices, () =>
            rule.checkUnreadableRegister!({
              file,
              root,
              registerPath,
              reason: source.reason,
              report: (report) => findings.push(this.toFinding(rule, file, report)),
            }),
          );
      }
      return { result: { findings, notices, unchecked: [] }, reads };
    }
    const register = derived.register();
    if (!register || source.kind !== 'text') return { result: { findings, notices, unchecked: [] }, reads };
    if (register.broken)
      notices.push({ file, message: 'the register has YAML errors: purpose ids are not checked against it until they are fixed' });
    const catalogue = derived.catalogue();
    const purposes = derived.purposes();
    for (const rule of active) {
      if (!rule.checkRegister) continue;
      this.run(rule, file, notices, () =>
        rule.checkRegister!({
          file,
          text: source.text,
          register,
          sector: register.sector?.value,
          catalogue,
          purposes,
          root,
          registerPath,
          workspaceQuery: (query) => this.askWorkspace(query, reads),
          report: (report) => findings.push(this.toFinding(rule, file, report)),
        }),
      );
    }
    return { result: { findings, notices, unchecked: [] }, reads };
  }

  /** A query's answer for the file: kept, or computed now and kept with what it read. */
  ask<T>(file: string, sourceFile: ts.SourceFile, program: ts.Program, query: FileQuery<T>, into: Reads, now: Current): T {
    const { results, derived, documents, timings } = this.setup;
    const kept = results.answer(file, query, now);
    if (kept) {
      into.add(kept.reads);
      return kept.value;
    }
    const reads = new Reads(documents.version(file));
    reads.imports = query.reads.types ?? false;
    const denied = (what: string) => () => {
      throw new Error(`query ${query.name} reads ${what} without declaring it`);
    };
    const input: QueryInput = {
      file,
      sourceFile,
      catalogue: derived.catalogue(),
      settings: this.setup.settings(),
      program: query.reads.types ? () => program : denied('types'),
      reachingNames: query.reads.types
        ? () =>
            derived.reachingNames((tree, owner) =>
              this.ask(tree.fileName, tree, owner, usesOf, new Reads(this.setup.documents.version(tree.fileName)), now),
            )
        : denied('types'),
      answerFor: query.reads.types ? (other, asked) => this.answerFor(other, asked, now) : denied('types'),
      guards: query.reads.callers
        ? () => {
            reads.callers = true;
            return derived.guards();
          }
        : denied('callers'),
      mentioning: query.reads.callers
        ? (word) => {
            reads.callers = true;
            return derived
              .mentions()
              .filesMentioning(word, file)
              .flatMap((other) => {
                const source = derived.sourceOf(other);
                return source ? [{ file: other, ...source }] : [];
              });
          }
        : denied('callers'),
      register: query.reads.register
        ? () => {
            reads.register = derived.registerVersion();
            return derived.register();
          }
        : denied('the register'),
      fieldNames: query.reads.fieldNames
        ? () => {
            const words = namesOf(sourceFile);
            reads.names ??= { stamp: now.names, words, seen: now.namesAmong(words) };
            return derived.catalogue().taggedNames;
          }
        : denied('field names'),
      query: (other) => this.ask(file, sourceFile, program, other, reads, now),
    };
    const value = timings.measure(query.name, () => query.compute(input));
    for (const named of query.namedFiles?.(value) ?? []) reads.named.add(named);
    results.setAnswer(file, query, value, reads);
    into.add(reads);
    return value;
  }

  /** Another file's answer, kept with that file's own reads (not added to the asker's). */
  private answerFor<T>(file: string, query: FileQuery<T>, now: Current): T | undefined {
    const source = this.setup.derived.sourceOf(file);
    return source && this.ask(file, source.sourceFile, source.program, query, new Reads(this.setup.documents.version(file)), now);
  }

  askWorkspace<T>(query: WorkspaceQuery<T>, into: Reads): T {
    const { derived } = this.setup;
    if (query.reads.register) into.register = derived.registerVersion();
    if (query.reads.annotations) into.sharedAnnotations = derived.annotationStamps().shared;
    return derived.workspaceAnswer(query);
  }

  /**
   * A rule that throws loses its findings for this file, not the run: it is told as a notice, and the
   * failure returned (`rule <id> failed: …`) for the file's coverage.
   */
  private run(rule: Rule, file: string, notices: Notice[], run: () => void): string | undefined {
    try {
      this.setup.timings.measure(`rule ${rule.meta.id}`, run);
      return undefined;
    } catch (error) {
      if (error instanceof ts.OperationCanceledException || error instanceof CancelledError) throw error;
      const failure = `rule ${rule.meta.id} failed: ${error instanceof Error ? error.message : String(error)}`;
      notices.push({ file, message: failure });
      return failure;
    }
  }

  toFinding(rule: Rule, file: string, report: Report): Finding {
    const lines = this.setup.derived.lineIndex(file) ?? new LineIndex('');
    // Only rules that are on report: `off` here is a rule asked outside a run, which keeps its default (`info` if that is `off`).
    const severity = this.setup.severityOf(rule);
    const fallback = rule.meta.defaultSeverity === 'off' ? 'info' : rule.meta.defaultSeverity;
    return {
      ruleId: rule.meta.id,
      severity: severity === 'off' ? fallback : severity,
      file,
      range: lines.range(report.span),
      message: report.message,
      related: (report.related ?? []).flatMap((related) => this.toRelated(related)),
      ...(report.path && { path: report.path.flatMap((step) => this.toRelated(step)) }),
      fixable: rule.meta.fixable && report.data !== undefined,
      ...(rule.meta.provision && { provision: rule.meta.provision }),
      ...(report.data !== undefined && { data: report.data }),
    };
  }

  private toRelated(related: RelatedSpan) {
    const lines = this.setup.derived.lineIndex(related.file);
    return lines ? [{ file: related.file, range: lines.range(related.span), message: related.message }] : [];
  }
}

/** A file not analysed, or not by every rule, as a place not checked. */
export function incomplete(file: string, reason: string): Unchecked {
  return { kind: 'incomplete-analysis', file, reason };
}

/**
 * A Prisma schema's client, where its generators write it (`output`), else where `prisma-client-js` writes
 * it by default (`node_modules/.prisma/client`, beside the schema or above it in the workspace): when it is
 * not there, uses of the models cannot be found (README, "What a clean run means").
 */
function missingPrismaClient(file: string, text: string, documents: Documents, root: string): Unchecked | undefined {
  const outputs = prismaClientOutputs(file, text);
  if (outputs.length > 0) {
    const generated = outputs.some((output) => ['client.ts', 'index.d.ts'].some((name) => documents.exists(join(output, name))));
    return generated ? undefined : { kind: 'missing-prisma-client', file, output: relative(root, outputs[0]!) };
  }
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (documents.exists(join(dir, 'node_modules/.prisma/client/index.d.ts'))) return undefined;
    if (dir === root || !isInside(root, dir)) break;
  }
  return { kind: 'missing-prisma-client', file, output: 'node_modules/.prisma/client' };
}
