/**
 * Where personal data leaves the code's hands: the sinks, by kind. Data only; the README's "Sinks"
 * section documents these lists, and `appiGuard.sinks` (or `check --sinks`) adds packages to a kind.
 */

export type SinkKind = 'log' | 'network' | 'storage' | 'messaging' | 'analytics' | 'serialisation' | 'package';

/** Packages by the kind of sink every function and method they export (and of objects they return) is. */
export const sinkPackages: Readonly<Record<Exclude<SinkKind, 'package'>, readonly string[]>> = {
  log: [
    'pino',
    'winston',
    'bunyan',
    'log4js',
    'loglevel',
    'debug',
    'consola',
    'signale',
    '@nestjs/common#Logger',
    '@aws-lambda-powertools/logger',
  ],
  network: ['axios', 'got', 'ky', 'node-fetch', 'superagent', 'undici', 'http', 'https', 'node:http', 'node:https'],
  storage: ['fs', 'fs/promises', 'node:fs', 'node:fs/promises'],
  messaging: [],
  analytics: [
    '@segment/analytics-next',
    '@segment/analytics-node',
    'analytics-node',
    'mixpanel',
    'mixpanel-browser',
    '@amplitude/analytics-browser',
    '@amplitude/analytics-node',
    'amplitude-js',
    '@sentry/browser',
    '@sentry/node',
    '@sentry/react',
    '@sentry/nextjs',
    'openai',
    '@anthropic-ai/sdk',
    '@google/generative-ai',
    'ai',
  ],
  serialisation: [],
};

/** Libraries that only compute with a value in the process: passing it to them is not a use. */
export const inProcessPackages: readonly string[] = [
  'react',
  'react-dom',
  'preact',
  'preact/hooks',
  'lodash',
  'lodash-es',
  'ramda',
  'immer',
  'rxjs',
  'rxjs/operators',
  'zod',
  'yup',
  'joi',
  'valibot',
];

/**
 * The standard sinks, by the callee as written: `console.<any>`, a global function, or the last member of a
 * call whose method the standard library declares (so `map.set` is not `Storage.setItem`).
 */
export const standardSinks = {
  /** `console.log`, `console.table`, … */
  consoleMembers: 'log',
  globals: { fetch: 'network', gtag: 'analytics', postMessage: 'messaging' },
  /** `JSON.stringify`. */
  members: {
    'JSON.stringify': 'serialisation',
    'navigator.sendBeacon': 'network',
  },
  /** Methods of standard-library objects, by their declaring interface. */
  libraryMethods: {
    'XMLHttpRequest.send': 'network',
    'WebSocket.send': 'network',
    'Storage.setItem': 'storage',
    'IDBObjectStore.put': 'storage',
    'IDBObjectStore.add': 'storage',
    'Window.postMessage': 'messaging',
    'Worker.postMessage': 'messaging',
    'BroadcastChannel.postMessage': 'messaging',
    'MessagePort.postMessage': 'messaging',
    'DedicatedWorkerGlobalScope.postMessage': 'messaging',
  },
} as const satisfies {
  consoleMembers: SinkKind;
  globals: Record<string, SinkKind>;
  members: Record<string, SinkKind>;
  libraryMethods: Record<string, SinkKind>;
};

/** What a user's settings add: packages by kind, and packages that only compute in the process. */
export interface SinkSettings {
  readonly log?: readonly string[];
  readonly network?: readonly string[];
  readonly storage?: readonly string[];
  readonly messaging?: readonly string[];
  readonly analytics?: readonly string[];
  readonly serialisation?: readonly string[];
  readonly inProcess?: readonly string[];
}

export const sinkSettingKeys = ['log', 'network', 'storage', 'messaging', 'analytics', 'serialisation', 'inProcess'] as const;

/** Sink settings as a user wrote them (the editor's `appiGuard.sinks`, `check --sinks`): what is not a list of package names is said and left out. */
export function readSinkSettings(raw: unknown, warn: (message: string) => void): SinkSettings {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warn('sinks: not an object of package lists by kind; ignored');
    return {};
  }
  const settings: Record<string, readonly string[]> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(sinkSettingKeys as readonly string[]).includes(key)) warn(`sinks: "${key}" is not one of ${sinkSettingKeys.join(', ')}`);
    else if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) warn(`sinks.${key}: not a list of package names`);
    else settings[key] = value;
  }
  return settings;
}
