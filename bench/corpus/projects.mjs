/**
 * The workspace around the code: `package.json`, the `tsconfig.json` projects (a solution file at the root,
 * `packages/model` and the application packages, composite, each referencing `model` and `common`), and
 * each package's small test harness and, without `--deps`, its JSX declarations.
 */

/** Real type packages for `--deps`, pinned (the benchmark runs `npm install` in the corpus). */
export const DEPENDENCIES = {
  '@types/fhir': '0.0.44',
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
  axios: '1.21.1',
  'react-bootstrap': '2.10.10',
};

export function writeProjects(apps, options) {
  const files = new Map();
  const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
  files.set('package.json', json({
    name: `appi-guard-bench-corpus-${options.seed}`,
    version: '1.0.0',
    private: true,
    description: `A generated workspace of ${options.files} files for APPI Guard's benchmark (bench/generate.mjs).`,
    type: 'module',
    ...(options.deps ? { dependencies: DEPENDENCIES } : {}),
  }));
  files.set('tsconfig.base.json', json({
    compilerOptions: {
      target: 'es2022',
      lib: ['es2022', 'dom'],
      module: 'nodenext',
      moduleResolution: 'nodenext',
      jsx: options.deps ? 'react-jsx' : 'preserve',
      types: [],
      strict: true,
      skipLibCheck: true,
      forceConsistentCasingInFileNames: true,
    },
  }));
  const packages = ['model', ...apps];
  files.set('tsconfig.json', json({ files: [], references: packages.map((p) => ({ path: `packages/${p}` })) }));
  for (const pkg of packages) {
    const references = pkg === 'model' ? [] : pkg === apps[0] ? ['model'] : ['model', apps[0]];
    files.set(`packages/${pkg}/tsconfig.json`, json({
      extends: '../../tsconfig.base.json',
      compilerOptions: { composite: true, rootDir: 'src', outDir: 'dist' },
      include: ['src'],
      ...(references.length ? { references: references.map((r) => ({ path: `../${r}` })) } : {}),
    }));
    if (pkg === 'model') continue;
    files.set(`packages/${pkg}/src/test-kit.ts`, TEST_KIT);
    if (!options.deps && options.tsxShare > 0) files.set(`packages/${pkg}/src/jsx.d.ts`, JSX_DECLARATIONS);
  }
  return files;
}

const TEST_KIT = `/** A minimal test harness, so that the package needs no test framework. */
const failures: string[] = [];
let current = '';

export function suite(name: string, body: () => void): void {
  current = name;
  body();
}

export function check(name: string, body: () => void): void {
  try {
    body();
  } catch (error) {
    failures.push(\`\${current} > \${name}: \${String(error)}\`);
  }
}

/** A record with only the fields a test cares about. */
export function fixture<T>(fields: Partial<T>): T {
  return fields as T;
}

export function report(): number {
  for (const failure of failures) console.error(failure);
  return failures.length;
}
`;

const JSX_DECLARATIONS = `/** The elements the components use, so that they type-check without a UI library (\`jsx: preserve\`). */
declare namespace JSX {
  interface Element {}
  interface IntrinsicElements {
    [name: string]: Record<string, unknown>;
  }
}
`;
