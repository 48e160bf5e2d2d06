/**
 * What CP does for each request on the guest-to-CP channel (protocol in
 * src/common/channel.ts): console I/O, CP commands (DIAGNOSE X'08'), other DIAGNOSE
 * codes, spool I/O, SMSG delivery. Runs on CP's main thread; a reply may be a promise
 * (a console read waits for the user; the guest stays blocked meanwhile).
 */
import type { ChannelReplies, ChannelRequest } from '../../common/channel.js';
import { diagnose } from '../diagnose/index.js';
import { closeDevice } from '../spool/spool.js';
import { mdiskInfo, mdiskRead, mdiskWrite, wakeupWait } from './cms-services.js';
import type { VirtualMachine } from './virtual-machine.js';

type Reply = ChannelReplies[keyof ChannelReplies];

export function handleGuestRequest(vm: VirtualMachine, req: ChannelRequest): Reply | Promise<Reply> {
  const cluster = vm.system.cluster;
  vm.ioCount++;
  switch (req.op) {
    case 'consoleWrite':
      for (const l of req.lines) vm.out(l);
      return { ok: true };
    case 'consoleRead': {
      const r = vm.requestGuestRead();
      return typeof r === 'string' ? { line: r } : r.then((line) => ({ line }));
    }
    case 'consolePoll':
      return { line: vm.typeAhead.shift() ?? vm.terminal?.endpoint.takeTypeAhead?.() };
    case 'cp': {
      if (req.capture) {
        const lines: string[] = [];
        return cluster.commands.execute(vm, req.command, { capture: lines }).then((rc) => ({ rc, lines }));
      }
      return cluster.commands.execute(vm, req.command).then((rc) => ({ rc, lines: [] }));
    }
    case 'diag':
      return diagnose(vm, req.code, req.args);
    case 'spoolWrite': {
      const dev = vm.devices.get(req.vdev);
      if (!dev || (dev.type !== 'PUN' && dev.type !== 'PRT')) return { rc: 40 };
      dev.records.push(...req.records);
      if (req.close) {
        const f = closeDevice(cluster, vm, dev, {}, (l) => vm.out(l));
        return { rc: 0, spoolid: f?.spoolid };
      }
      return { rc: 0 };
    }
    case 'readerList':
      return {
        files: cluster.store
          .listSpoolFiles({ owner: vm.userid, queue: 'RDR' })
          .filter((f) => f.hold === 'NONE')
          .map((f) => ({
            spoolid: f.spoolid, origin: f.origin,
            // files stored before the origin system was kept: shown as local, as they were then
            originSystem: f.originSystem || vm.system.name,
            name: f.name, type: f.type, class: f.class, records: f.records,
          })),
      };
    case 'readerRead': {
      const f = cluster.store.getSpoolFile(req.spoolid);
      if (!f || f.owner !== vm.userid || f.queue !== 'RDR') return { rc: 42, records: [] };
      const records = cluster.store.readSpoolRecords(f.spoolid);
      if (req.purge && !f.keep) cluster.store.deleteSpoolFile(f.spoolid);
      return { rc: 0, records };
    }
    case 'smsgListen':
      vm.settings.smsg = req.on ? 'ON' : 'OFF';
      return { ok: true };
    case 'smsgPoll':
      return { messages: vm.smsgQueue.splice(0).map(({ from, text, kind }) => ({ from, text, kind })) };
    case 'mdiskInfo':
      return mdiskInfo(vm, req.vdev);
    case 'mdiskRead':
      return mdiskRead(vm, req.vdev, req.list);
    case 'mdiskWrite':
      return mdiskWrite(vm, req.vdev, req.blocks, req.clear, req.label);
    case 'wakeupWait':
      return wakeupWait(vm, req);
  }
}
