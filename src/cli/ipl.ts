/**
 * `vmrexx ipl [FOLDER] [--data FILE] [--system NAME] [--noautolog]` (issue 3): IPL a
 * cluster and attach a line-mode console to one of its systems. Without FOLDER the
 * built-in default cluster (cluster/default/) is used; without --data a temporary data
 * file is used (so nothing persists). With --data an existing file is IPLed as it was
 * left (the folder is read only when the file is new). A directory with errors is
 * refused with the DIRECTXA report (exit code 8). With --system only that system of the
 * cluster is IPLed in this process: start one process per system with the same --data file
 * to run a CSE collection in several processes.
 */
import { Cluster, ClusterConfigError } from '../cp/cluster.js';
import { runLineConsole } from '../console/line/line-console.js';

export const IPL_USAGE = 'usage: vmrexx ipl [FOLDER] [--data FILE] [--system NAME] [--noautolog] [--screen | --line]';

export async function iplMain(args: string[]): Promise<number> {
  let folder: string | undefined;
  let dataFile: string | undefined;
  let systemName: string | undefined;
  let autolog = true;
  // full screen is the default on a terminal (issue 9); --line keeps line mode
  let screen: boolean | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--data') dataFile = args[++i];
    else if (a === '--system') systemName = args[++i];
    else if (a === '--noautolog') autolog = false;
    else if (a === '--screen') screen = true;
    else if (a === '--line') screen = false;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(IPL_USAGE + '\n');
      return 0;
    } else if (a.startsWith('--') || folder !== undefined) {
      process.stderr.write(`vmrexx ipl: unexpected argument ${a}\n${IPL_USAGE}\n`);
      return 2;
    } else folder = a;
  }
  if ((args.includes('--data') && !dataFile) || (args.includes('--system') && !systemName)) {
    process.stderr.write(`${IPL_USAGE}\n`);
    return 2;
  }
  let cluster: Cluster;
  try {
    // --system NAME: only that system runs in this process (CSE: the others may run in their own
    // processes against the same --data file)
    cluster = await Cluster.open({ folder, dataFile, autolog, systems: systemName ? [systemName.toUpperCase()] : undefined });
  } catch (e) {
    if (e instanceof ClusterConfigError) {
      process.stderr.write(e.report.join('\n') + '\n');
      return 8;
    }
    process.stderr.write(`vmrexx ipl: ${e instanceof Error ? e.message : String(e)}\n`);
    return 8;
  }
  const system = systemName ? cluster.system(systemName) : cluster.defaultSystem;
  if (!system) {
    process.stderr.write(`vmrexx ipl: no system ${systemName} in this cluster (${[...cluster.systems.keys()].join(', ')})\n`);
    await cluster.shutdown();
    return 2;
  }
  const tty = !!process.stdin.isTTY && !!process.stdout.isTTY;
  if (screen ?? tty) {
    if (!tty) {
      process.stderr.write('vmrexx ipl: --screen needs a terminal; use --line\n');
      await cluster.shutdown();
      return 2;
    }
    const { runScreenConsole } = await import('../console/screen/cp-screen.js');
    await runScreenConsole(cluster, system);
    return 0;
  }
  await runLineConsole(cluster, system, { input: process.stdin, output: process.stdout, tty: !!process.stdin.isTTY && !!process.stdout.isTTY });
  return 0;
}
