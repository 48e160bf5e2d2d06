/**
 * `vmrexx ipl --screen`: the full-screen console on this terminal, attached to
 * a CP system (the default when standard input and output are a terminal).
 * Leaving the console (Ctrl-]) or the session ending shuts the cluster down.
 */
import type { Cluster } from '../../cp/cluster.js';
import type { CpSystem } from '../../cp/system.js';
import { ScreenSession } from '../core/screen-session.js';
import { openScreenConsole } from './index.js';

export async function runScreenConsole(cluster: Cluster, system: CpSystem): Promise<void> {
  const handle = openScreenConsole(
    (t) => new ScreenSession(system, t),
    process.stdin,
    process.stdout,
  );
  await handle.closed;
  await cluster.shutdown();
}
