// The line-mode console (vmrexx ipl --line, or a pipe) is one renderer of the console core:
// TERMINAL settings reach it too (LINEND), QUERY TERMINAL says 3215, passwords are not echoed.
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/cp/cluster.js';
import { runLineConsole } from '../../../src/console/line/line-console.js';

describe('line console', () => {
  it('applies TERMINAL LINEND, reports a 3215 and never echoes the password', async () => {
    const cluster = await Cluster.open({ autolog: false });
    const input = new PassThrough();
    const chunks: string[] = [];
    const output = new Writable({
      write(c: Buffer | string, _enc, cb) {
        chunks.push(String(c));
        cb();
      },
    });
    const done = runLineConsole(cluster, cluster.defaultSystem, { input, output, tty: false });
    input.write('LOGON USER1 NOIPL\nuser1\nTERMINAL LINEND $\nQUERY USERID$QUERY TERMINAL\n');
    input.end();
    await done;
    const out = chunks.join('').split('\n');
    expect(out).not.toContain('user1');
    expect(out.filter((l) => /^USER1\s+AT VMSYS1$/.test(l))).toHaveLength(1);
    expect(out).toContain('LINEND  $, LINEDEL  OFF, CHARDEL  OFF, ESCAPE  OFF');
    expect(out.join('\n')).toMatch(/CONMODE 3215/);
    expect(cluster.shutDown).toBe(true);
  }, 30_000);
});
