/**
 * Entry of CMS in a guest's worker thread (worker-main.ts runs it for IPL CMS): builds
 * the CMS command processor (cms.ts) over the guest channel and runs it until CP ends
 * the guest.
 */
import { type GuestChannel, type GuestStartData } from '../common/channel.js';
import { Cms } from './cms.js';
import { loadPackages } from './packages/index.js';

export { CMS_LEVEL, readyLine } from './cms.js';

export async function runCms(ch: GuestChannel, data: GuestStartData): Promise<void> {
  await loadPackages();
  await new Cms(ch, data).run();
}
