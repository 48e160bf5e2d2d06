/**
 * A cluster folder: USER DIRECT and SYSTEM CONFIG (issue 3 "Systems and the directory").
 * File names are matched without regard to case, with a blank, dot or underscore between
 * the two words (`USER DIRECT`, `USER.DIRECT`, `user_direct`). The built-in default
 * cluster (DESIGN.md §4) is the folder `cluster/default/` of the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../common/worker-path.js';

export interface ClusterSource {
  folder: string;
  directoryFile: string;
  directoryText: string;
  configFile: string;
  configText: string;
}

export function defaultClusterFolder(): string {
  return join(repoRoot(), 'cluster', 'default');
}

function find(folder: string, fn: string, ft: string): string | undefined {
  const want = new RegExp(`^${fn}[ ._]${ft}$`, 'i');
  return readdirSync(folder).find((f) => want.test(f));
}

export function readClusterFolder(folder = defaultClusterFolder()): ClusterSource {
  const d = find(folder, 'USER', 'DIRECT');
  if (!d) throw new Error(`${folder}: no USER DIRECT file`);
  const c = find(folder, 'SYSTEM', 'CONFIG');
  if (!c) throw new Error(`${folder}: no SYSTEM CONFIG file`);
  return {
    folder,
    directoryFile: d,
    directoryText: readFileSync(join(folder, d), 'latin1'),
    configFile: c,
    configText: readFileSync(join(folder, c), 'latin1'),
  };
}
