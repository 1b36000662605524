import * as path from 'node:path';
import type { Host } from '../base/host';
import { Workspace } from '../engine/workspace';
import { toPortable } from '../host/node-host';
import { rules } from '../rules';
import type { Settings } from './settings';
import { pathOf } from './uris';

/** One workspace folder: its engine workspace and its settings. Multi-root workspaces have several. */
export interface Folder {
  readonly uri: string;
  readonly name: string;
  readonly root: string;
  readonly workspace: Workspace;
  readonly settings: Settings;
}

/**
 * The workspace folders the client has, each with one engine `Workspace`. A file belongs to the innermost
 * folder that holds it; files outside every folder are not analysed.
 */
export class Folders {
  private folders: Folder[] = [];

  constructor(private readonly host: Host) {}

  all(): readonly Folder[] {
    return this.folders;
  }

  enabled(): readonly Folder[] {
    return this.folders.filter((folder) => folder.settings.enable);
  }

  byUri(uri: string): Folder | undefined {
    return this.folders.find((folder) => folder.uri === uri);
  }

  /** The innermost folder holding `file`. */
  of(file: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of this.folders) {
      const inside = file === folder.root || file.startsWith(folder.root === '/' ? '/' : `${folder.root}/`);
      if (inside && (!best || folder.root.length > best.root.length)) best = folder;
    }
    return best;
  }

  /**
   * Brings the folders in line with the client's list and settings. A folder whose register path changed
   * gets a new workspace (the register is where purpose ids come from); severities and sinks change in place.
   * Returns the folders that are new or were replaced (they need the open documents) and those removed.
   */
  update(wanted: readonly { uri: string; name: string; settings: Settings }[]): { fresh: Folder[]; removed: Folder[] } {
    const fresh: Folder[] = [];
    const next: Folder[] = [];
    for (const { uri, name, settings } of wanted) {
      const root = pathOf(uri);
      if (root === undefined) continue;
      const registerPath = registerPathOf(root, settings.registerPath);
      const old = this.byUri(uri);
      if (old && old.workspace.registerPath === registerPath) {
        old.workspace.setSeverities(settings.rules);
        if (JSON.stringify(old.settings.sinks) !== JSON.stringify(settings.sinks)) old.workspace.setSettings({ sinks: settings.sinks });
        next.push({ ...old, name, settings });
        continue;
      }
      old?.workspace.dispose();
      const folder: Folder = {
        uri,
        name,
        root,
        settings,
        workspace: new Workspace({
          root,
          host: this.host,
          rules,
          registerPath,
          severities: settings.rules,
          settings: { sinks: settings.sinks },
          edits: true,
        }),
      };
      fresh.push(folder);
      next.push(folder);
    }
    const removed = this.folders.filter((folder) => !next.some((kept) => kept.uri === folder.uri));
    for (const folder of removed) folder.workspace.dispose();
    this.folders = next;
    return { fresh, removed };
  }
}

/** The setting is relative to the folder (`../shared/pi-register.yaml` too), or absolute. */
function registerPathOf(root: string, setting: string): string {
  return toPortable(path.resolve(root, setting));
}
