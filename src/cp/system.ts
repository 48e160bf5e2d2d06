/**
 * One system (one z/VM image) of a cluster: its logged-on virtual machines, its
 * terminals, its IPL time (DESIGN.md §2 "cp/system"; §3 "Systems, clusters and scale").
 * The directory, the store (spool, minidisks, link records) and the command table
 * belong to the cluster and are shared by its systems.
 */
import type { Clock } from '../common/clock.js';
import type { Cluster } from './cluster.js';
import type { Directory } from './directory/model.js';
import type { VirtualMachine } from './guest/virtual-machine.js';
import { type ConsoleEndpoint, CpTerminal } from './terminal.js';

export class CpSystem {
  readonly vms = new Map<string, VirtualMachine>();
  readonly terminals = new Set<CpTerminal>();
  readonly iplTime: Date;
  private termNo = 0x20;
  shuttingDown = false;

  constructor(
    readonly cluster: Cluster,
    readonly name: string,
    readonly slot: number,
  ) {
    this.iplTime = cluster.clock.now();
  }

  get clock(): Clock {
    return this.cluster.clock;
  }

  /** This system's object directory (CSE: built from the one source with SYSAFFIN). */
  get directory(): Directory {
    return this.cluster.directoryFor(this.name);
  }

  /** A console connects: it gets a terminal showing the logo. */
  connect(endpoint: ConsoleEndpoint): CpTerminal {
    const t = new CpTerminal(this, endpoint, `L${(this.termNo++).toString(16).toUpperCase().padStart(4, '0')}`);
    this.terminals.add(t);
    if (this.shuttingDown) {
      t.close();
      return t;
    }
    t.showLogo();
    return t;
  }

  /** A line for the system operator's console (logons, logoffs, FORCE). */
  operatorLine(line: string): void {
    const op = this.vms.get('OPERATOR');
    if (op && op.terminal) op.out(line);
  }

  /** Users in the order QUERY NAMES lists them. */
  sortedUsers(): VirtualMachine[] {
    return [...this.vms.values()].sort((a, b) => (a.userid < b.userid ? -1 : a.userid > b.userid ? 1 : 0));
  }
}
