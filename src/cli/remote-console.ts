/**
 * A scripted console on one system running in this process, driven over standard input
 * and output with JSON lines — how `vmrexx test` runs a transcript's `## process SYSTEM`
 * (CSE: that system in its own process, on the same data file). Requests:
 *   {"op":"type","line":"..."}  →  {"lines":[...]}   (the output the line caused, settled
 *                                                     as console.type() settles it)
 *   {"op":"drain"}              →  {"lines":[...]}   (output that arrived meanwhile)
 *   {"op":"close"}              →  the system shuts down, the process ends
 * usage: node dist/cli/remote-console.js DATAFILE SYSTEM [--noautolog] [--folder DIR]
 */
import * as readline from 'node:readline';
import { attachTestConsole } from '../console/core/harness.js';
import { Cluster } from '../cp/cluster.js';

export async function remoteConsoleMain(args: string[]): Promise<void> {
  const [dataFile, system] = args;
  const folderAt = args.indexOf('--folder');
  const cluster = await Cluster.open({
    dataFile,
    folder: folderAt >= 0 ? args[folderAt + 1] : undefined,
    systems: [system!.toUpperCase()],
    autolog: !args.includes('--noautolog'),
  });
  const con = attachTestConsole(cluster, system!.toUpperCase());
  const send = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  let chain = Promise.resolve();
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await cluster.shutdown();
    process.exit(0);
  };
  rl.on('line', (l) => {
    chain = chain.then(async () => {
      const req = JSON.parse(l) as { op: string; line?: string };
      try {
        if (req.op === 'type') send({ lines: await con.type(req.line ?? '') });
        else if (req.op === 'drain') send({ lines: await con.drain() });
        else if (req.op === 'close') await close();
      } catch (e) {
        send({ lines: [`*** ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`] });
      }
    });
  });
  rl.on('close', () => void chain.then(close));
  send({ ready: true });
}

if (process.argv[1] && /remote-console\.js$/.test(process.argv[1])) void remoteConsoleMain(process.argv.slice(2));
