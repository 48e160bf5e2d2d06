/**
 * The guest LAN that spans the cluster (issue 5 "virtual NIC on a guest LAN spanning the
 * cluster that answers PING"). A guest is on LAN `name` when it has a NIC coupled to it
 * (directory NICDEF ... LAN SYSTEM name) and runs a program (its virtual CPU answers). A
 * PING is answered when the guest runs: while it is stunned for a migration, or in the
 * NIC_RESET_MS after its network interface was reset on arrival (the new system announces
 * it, as QEMU's RARP/GARP does), the reply waits — the "brief but inconvenient pause" of
 * the SHARE 109 demo. Guests in other processes are reached over ISFC ('lan.ping').
 */
import { CTL_COUNTER, CTL_STOP } from '../../common/channel.js';
import type { Cluster } from '../cluster.js';
import type { VirtualMachine } from '../guest/virtual-machine.js';
import { isfcNode, onIsfcNode } from '../isfc/isfc.js';
import type { CpSystem } from '../system.js';
import { nicResets } from './target.js';

export const NIC_RESET_MS = 100;

export interface PingReply {
  rc: number;
  system?: string;
  counter?: number;
  ms?: number;
}

function lanOf(vm: VirtualMachine): string | undefined {
  for (const d of vm.devices.values()) if (d.type === 'NIC') return (d.lan ?? '').toUpperCase();
  return undefined;
}

/** Can the guest answer right now? */
function answers(vm: VirtualMachine, lan: string): boolean | 'wait' {
  if (vm.loggedOff || lanOf(vm) !== lan) return false;
  const g = vm.guest;
  if (!g || !g.alive) return 'wait';
  if (Atomics.load(g.ctl, CTL_STOP) !== 0) return 'wait'; // stunned (or stopped)
  const reset = nicResets.get(vm);
  if (reset !== undefined && Date.now() - reset < NIC_RESET_MS) return 'wait';
  return true;
}

function local(cluster: Cluster, userid: string): VirtualMachine | undefined {
  for (const s of cluster.systems.values()) {
    const vm = s.vms.get(userid);
    if (vm) return vm;
  }
  return undefined;
}

/** PING a guest on a guest LAN from a system: waits (up to timeoutMs) while the guest cannot answer. */
export async function lanPing(from: CpSystem, userid: string, lan = 'GLAN1', timeoutMs = 2000): Promise<PingReply> {
  const t0 = performance.now();
  const cluster = from.cluster;
  const node = isfcNode(from);
  for (;;) {
    const vm = local(cluster, userid);
    const a = vm ? answers(vm, lan) : false;
    if (vm && a === true) return { rc: 0, system: vm.system.name, counter: Atomics.load(vm.guest!.ctl, CTL_COUNTER), ms: performance.now() - t0 };
    if (!vm) {
      // a guest on a system in another process
      for (const p of node.peers().filter((x) => x.up && !cluster.systems.has(x.peer))) {
        try {
          const r = (await node.request(p.peer, 'lan.ping', { userid, lan, timeoutMs: 0 }, undefined, 2000)).body as PingReply;
          if (r.rc === 0) return { ...r, ms: performance.now() - t0 };
        } catch {
          /* that system does not answer */
        }
      }
    }
    if (performance.now() - t0 >= timeoutMs) return { rc: 1, ms: performance.now() - t0 };
    await new Promise((r) => setTimeout(r, 2));
  }
}

onIsfcNode((system, node) => {
  node.handle('lan.ping', (m) => {
    const b = m.body as { userid: string; lan: string };
    const vm = local(system.cluster, b.userid);
    if (vm && answers(vm, b.lan) === true) return { rc: 0, system: vm.system.name, counter: Atomics.load(vm.guest!.ctl, CTL_COUNTER) };
    return { rc: vm ? 2 : 1 };
  });
});
