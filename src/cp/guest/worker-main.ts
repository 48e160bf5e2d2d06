/**
 * The worker-thread entry point of every guest program (DESIGN.md §3 "Threads"): the
 * virtual CPU of one virtual machine. CP starts it (guest-runner.ts) with the program
 * name; it runs the program with a GuestChannel to CP and ends when the program returns,
 * fails, or CP kills it.
 */
import { workerData } from 'node:worker_threads';
import { GuestChannel, GuestKilled, type GuestStartData } from '../../common/channel.js';

const data = workerData as GuestStartData;
const ch = new GuestChannel(data.port, data.control);

async function main(): Promise<void> {
  try {
    if (data.program === 'CMS') {
      const { runCms } = await import('../../cms/cms-guest.js');
      await runCms(ch, data);
    } else if (data.program === 'LINUX') {
      const { runLinuxWorkload } = await import('../guests/linux-workload.js');
      runLinuxWorkload(ch, data);
    } else {
      ch.write(`${data.program}: no such program`);
    }
  } catch (e) {
    if (e instanceof GuestKilled) return;
    throw e;
  } finally {
    data.port.close();
  }
}

void main();
