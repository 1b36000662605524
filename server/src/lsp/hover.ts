import { type Hover, type HoverParams, MarkupKind } from 'vscode-languageserver';
import { describeKind, listIds } from '../annotations/describe';
import type { Finding } from '../base/finding';
import { LineIndex } from '../base/lines';
import { relative } from '../base/paths';
import type { FieldFacts, HoverInfo, Place } from '../engine/editor/hover-info';
import { spanRange } from './convert';
import type { Folder } from './folders';
import type { Session } from './session';

/** A tagged field, declaration or use: what it is, why, what for, what the code here serves, its register entry. */
export function hover(session: Session, params: HoverParams): Hover | null {
  const at = session.locate(params.textDocument.uri, params.position);
  if (!at) return null;
  const info = at.folder.workspace.hoverAt(at.file, at.offset);
  const text = at.folder.workspace.text(at.file);
  if (text === undefined) return null;
  const word = at.folder.workspace.registerHoverAt(at.file, at.offset);
  if (word) return { contents: { kind: MarkupKind.Markdown, value: word.markdown }, range: spanRange(text, word.span) };
  const reached = session.analysis
    .findingsOf(at.folder, at.file)
    .filter(
      (finding) => finding.path && !finding.suppressed && finding.range.start.offset <= at.offset && at.offset <= finding.range.end.offset,
    );
  const sections = [...(info ? [render(info, at.folder)] : []), ...reached.map((finding) => renderPath(finding, at.folder))];
  const span = info?.span ?? (reached[0] && { start: reached[0].range.start.offset, end: reached[0].range.end.offset });
  if (!span) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: spanRange(text, span) };
}

/** A use reached through calls: each step of the way, from the call here to the use, with where it is. */
function renderPath(finding: Finding, folder: Folder): string {
  const steps = (finding.path ?? []).map(
    (step, index) => `${index + 1}. ${step.message} (\`${relative(folder.root, step.file)}:${step.range.start.line + 1}\`)`,
  );
  return ['**Reached through calls**', ...steps].join('  \n');
}

function render(info: HoverInfo, folder: Folder): string {
  const where = (place: Place) => whereIs(place, folder);
  const sections = info.fields.map((field) => describeFieldFacts(field, where));
  if (info.context) {
    const declared = new Set(info.fields.flatMap((field) => field.purposes?.ids ?? []));
    const beyond = info.context.ids.filter((id) => !declared.has(id));
    const verdict = info.context.basis
      ? ` — used on the basis \`${info.context.basis}\``
      : beyond.length > 0 && info.fields.every((field) => field.purposes)
        ? ` — ${listIds(beyond)} ${beyond.length === 1 ? 'is' : 'are'} beyond the declared purposes`
        : '';
    sections.push(`Here: \`${info.context.name}\` serves ${listIds(info.context.ids)} (${where(info.context.at)})${verdict}`);
  }
  return sections.join('\n\n---\n\n');
}

function describeFieldFacts(field: FieldFacts, where: (place: Place) => string): string {
  const kinds = field.kinds.map(describeKind);
  const what = kinds.length > 0 ? kinds.join(', ') : 'records parental consent';
  const lines = [
    `**\`${field.schema ? `${field.schema}.` : ''}${field.field}\`** — ${what}${field.parentalConsent && kinds.length > 0 ? '; records parental consent' : ''}`,
  ];
  lines.push(`Tagged at ${where(field.declaredAt)}.`);
  if (field.purposes)
    lines.push(
      `Declared purposes: ${listIds(field.purposes.ids)} (\`@purpose\` on the ${field.purposes.from}, ${where(field.purposes.at)}).`,
    );
  else if (field.kinds.length > 0) lines.push('Declared purposes: none — its uses are not checked until it has some.');
  if (field.file) {
    lines.push(
      field.file.entry
        ? `Register: Personal Information File **${field.file.name}**, ${where(field.file.entry)}.`
        : `Register: Personal Information File **${field.file.name}**, not in the register.`,
    );
  }
  if (field.provisions.length > 0) lines.push(`_${field.provisions.join('; ')}_`);
  return lines.join('  \n');
}

/** `src/patient.ts:12` relative to the folder. */
function whereIs(place: Place, folder: Folder): string {
  const text = folder.workspace.text(place.file) ?? '';
  const line = new LineIndex(text).position(place.span.start).line + 1;
  return `\`${relative(folder.root, place.file)}:${line}\``;
}
