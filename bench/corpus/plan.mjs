/**
 * The shape of the application code: which modules exist in which package, area and layer, which
 * modules each imports (lower layers, earlier modules of the same layer, and the shared `common`
 * package), and where the special functions go (collections of facial data, `@basis` code and the
 * planted findings).
 *
 * Layers: utils (1) <- services (2) <- handlers and components (3) <- tests (4). A module imports a few
 * modules from below, preferring its own area and, with a skew, the more popular modules: a realistic
 * graph, not a star.
 */
import { AREAS, PACKAGES, VERBS, OBJECTS } from './vocabulary.mjs';
import { kebab } from './source-file.mjs';

/**
 * @typedef {{ kind: 'util'|'service'|'handler'|'component'|'test'|'script', layer: number, pkg: string,
 *   area: string, file: string, mentions: boolean, specials: object[], index: number }} ModulePlan
 */

/** @param {ReturnType<import('./random.mjs').createRandom>} random */
export function planModules(random, options, { modelFiles }) {
  const apps = PACKAGES.slice(0, Math.max(1, options.projects - 1));
  const scripts = Math.max(1, Math.round(options.files * 0.005));
  const fixed = apps.length * (options.deps || options.tsxShare === 0 ? 1 : 2); // test-kit.ts, jsx.d.ts
  const budget = Math.max(12, options.files - modelFiles - fixed - scripts);
  const components = Math.min(Math.round(options.files * options.tsxShare), Math.floor(budget * 0.5));
  const rest = budget - components;
  const counts = {
    util: Math.max(2, Math.round(rest * 0.2)),
    handler: Math.max(2, Math.round(rest * 0.2)),
    test: Math.max(2, Math.round(rest * 0.22)),
  };
  counts.service = Math.max(2, rest - counts.util - counts.handler - counts.test);
  counts.component = components;

  const used = new Set();
  /** @type {ModulePlan[]} */
  const modules = [];
  const layers = { util: 1, service: 2, handler: 3, component: 3, test: 4 };
  for (const kind of ['util', 'service', 'handler', 'component', 'test']) {
    for (let i = 0; i < counts[kind]; i++) {
      // `common` holds a larger share of the utilities; the other packages share the rest evenly.
      const pkg = kind === 'util' && random.chance(0.3) ? apps[0] : random.pick(apps);
      const area = random.pick(AREAS);
      modules.push({ kind, layer: layers[kind], pkg, area, file: moduleFile(random, used, kind, pkg, area),
        mentions: false, specials: [], index: modules.length });
    }
  }
  for (let i = 0; i < scripts; i++) {
    modules.push({ kind: 'script', layer: 5, pkg: '', area: 'scripts', file: uniquePath(used, `scripts/${random.pick(VERBS)}-${kebab(random.pick(OBJECTS))}`, '.ts'),
      mentions: false, specials: [], index: modules.length });
  }
  for (const module of modules) {
    module.mentions = random.chance(options.taggedNameShare);
  }
  return { apps, modules };
}

function moduleFile(random, used, kind, pkg, area) {
  const base = `packages/${pkg}/src`;
  const name = `${random.pick(VERBS)}-${kebab(random.pick(OBJECTS))}`;
  switch (kind) {
    case 'util': return uniquePath(used, `${base}/utils/${area}-${kebab(random.pick(OBJECTS))}`, '.ts');
    case 'service': return uniquePath(used, `${base}/services/${area}/${name}.service`, '.ts');
    case 'handler': return uniquePath(used, `${base}/handlers/${area}/${name}.handler`, '.ts');
    case 'component': return uniquePath(used, `${base}/components/${area}/${random.pick(OBJECTS)}${random.pick(OBJECTS)}`, '.tsx');
    default: return uniquePath(used, `${base}/__tests__/${area}-${name}.test`, '.ts');
  }
}

function uniquePath(used, stem, ext) {
  let file = `${stem}${ext}`;
  for (let n = 2; used.has(file.toLowerCase()); n++) file = `${stem}-${n}${ext}`;
  used.add(file.toLowerCase());
  return file;
}

/**
 * Which modules a module may import from: below its layer (or earlier in its layer for services and
 * utilities), in its package or in `common`.
 * @param {ModulePlan} module @param {ModulePlan[]} modules
 */
export function importable(module, modules, apps) {
  if (!modules.byPackage) {
    modules.byPackage = new Map();
    for (const m of modules) modules.byPackage.set(m.pkg, [...(modules.byPackage.get(m.pkg) ?? []), m]);
  }
  const candidates = module.pkg === apps[0] ? modules.byPackage.get(apps[0])
    : [...(modules.byPackage.get(module.pkg) ?? []), ...(modules.byPackage.get(apps[0]) ?? [])];
  return candidates.filter((other) => other.index !== module.index
    && (module.kind === 'test' ? other.kind === 'service' || other.kind === 'handler'
      : other.layer < module.layer || (other.layer === module.layer && other.index < module.index && other.kind !== 'component'))
    && other.kind !== 'component' && other.kind !== 'test' && other.kind !== 'script');
}

/**
 * Numbers of the special functions for a corpus of `files` files (see bench/README.md for the proportions).
 */
export function specialCounts(files) {
  const at = (per, min) => Math.max(min, Math.round(files / per));
  return {
    'beyond-purpose': at(100, 1),
    'beyond-purpose-suppressed': at(300, 1),
    'escape-beyond-purpose': at(300, 1),
    'collect-guarded-field': at(100, 1),
    'collect-guarded-function': at(100, 1),
    'collect-adult': at(300, 1),
    'collect-unguarded': at(250, 1),
    basis: at(150, 1),
    'unknown-purpose': at(300, 1),
    'untyped-read': at(200, 1),
  };
}
