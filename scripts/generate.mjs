/**
 * Writes what is derived from the rules' `meta` (`server/src/rules/<id>.ts`, listed in `rules/index.ts`), so
 * that one source serves everywhere a rule is listed:
 *
 * - the rule settings of the extension manifest, `appiGuard.rules` in package.json (its `properties` and
 *   `default`; the rest of package.json is kept as it is, key order and 2-space formatting included);
 * - the rules table of README.md and the one of docs/rules/README.md, between `<!-- generated: rules -->`
 *   and `<!-- /generated -->`.
 *
 * It reads the built registry, `server/out/rules/index.js`: `npm run generate` builds first.
 * `test/client/generated.test.ts` fails when a file is not what this script would write.
 *
 * `node scripts/generate.mjs`; tests import `generatedFiles()` to compare.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {{ id: string, description: string, defaultSeverity: 'error' | 'warning' | 'info' | 'hint' | 'off', provision?: string, fixable: boolean }} RuleMeta
 * @typedef {{ file: string, text: string }} GeneratedFile  `file` relative to the repository, `text` its whole new content
 */

/** @returns {GeneratedFile[]} each generated file with the content it should have */
/** @public test/client/generated.test.ts compares with it */
export function generatedFiles() {
  const require = createRequire(import.meta.url);
  const { rules } = require(path.join(root, 'server/out/rules/index.js'));
  const { docsUrl } = require(path.join(root, 'server/out/engine/rule.js'));
  /** @type {RuleMeta[]} */
  const metas = rules.map((/** @type {{ meta: RuleMeta }} */ rule) => rule.meta);
  return [
    { file: 'package.json', text: manifest(read('package.json'), metas, docsUrl) },
    { file: 'README.md', text: replaceBetweenMarkers('README.md', read('README.md'), readmeTable(metas)) },
    { file: 'docs/rules/README.md', text: replaceBetweenMarkers('docs/rules/README.md', read('docs/rules/README.md'), docsTable(metas)) },
  ];
}

const startMarker = '<!-- generated: rules -->';
const endMarker = '<!-- /generated -->';

/** What a rule's severity setting offers, with what each choice does (VS Code shows them in the settings editor). */
const levels = [
  ['error', 'Report as an error.'],
  ['warning', 'Report as a warning.'],
  ['info', 'Report as information.'],
  ['hint', "Show as a hint (the editor's dots; the command line prints hints only with --hints)."],
  ['off', 'Do not report.'],
];

/**
 * @param {string} text package.json as it is
 * @param {RuleMeta[]} metas
 * @param {(id: string) => string} docsUrl
 */
function manifest(text, metas, docsUrl) {
  const json = JSON.parse(text);
  const setting = json.contributes.configuration.properties['appiGuard.rules'];
  // Assigned in place, so the keys keep their order in the file.
  setting.properties = Object.fromEntries(
    metas.map((meta) => [
      meta.id,
      {
        type: 'string',
        enum: levels.map(([level]) => level),
        enumDescriptions: levels.map(([, description]) => description),
        default: meta.defaultSeverity,
        markdownDescription: `${meta.description} [Docs](${docsUrl(meta.id)})`,
      },
    ]),
  );
  setting.default = Object.fromEntries(metas.map((meta) => [meta.id, meta.defaultSeverity]));
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** @param {RuleMeta[]} metas */
function readmeTable(metas) {
  return table(
    ['rule', 'default', 'reports'],
    metas.map((meta) => [`[\`${meta.id}\`](docs/rules/${meta.id}.md)`, meta.defaultSeverity, meta.description]),
  );
}

/** @param {RuleMeta[]} metas */
function docsTable(metas) {
  return table(
    ['rule', 'default', 'reports', 'quick fixes'],
    metas.map((meta) => [`[\`${meta.id}\`](${meta.id}.md)`, meta.defaultSeverity, meta.description, meta.fixable ? 'yes' : 'no']),
  );
}

/**
 * @param {string[]} header
 * @param {string[][]} rows
 */
function table(header, rows) {
  const line = (/** @type {string[]} */ cells) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/**
 * The text with what stands between the markers replaced by `content`, a blank line on each side so that
 * Markdown reads the markers and the table as separate blocks.
 * @param {string} file for the message when the markers are missing
 * @param {string} text
 * @param {string} content
 */
function replaceBetweenMarkers(file, text, content) {
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker, start);
  if (start < 0 || end < 0) throw new Error(`${file} has no \`${startMarker}\` … \`${endMarker}\` to write the rules table between`);
  return `${text.slice(0, start + startMarker.length)}\n\n${content}\n\n${text.slice(end)}`;
}

/** @param {string} file */
function read(file) {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const { file, text } of generatedFiles()) {
    if (read(file) === text) continue;
    fs.writeFileSync(path.join(root, file), text);
    console.log(`wrote ${file}`);
  }
}
