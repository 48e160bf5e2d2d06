// The ISFC API (src/cp/isfc/isfc.ts): typed requests and one-way messages between systems,
// bulk data, errors, link up/down events — in memory here; TCP is covered by two-process.test.ts.
import { describe, expect, it } from 'vitest';
import { IsfcError, IsfcNode, linkInMemory, reply } from '../../src/cp/isfc/isfc.js';

describe('ISFC', () => {
  it('requests get replies (with bulk data); one-way messages arrive; errors are typed', async () => {
    const a = new IsfcNode('SYSA');
    const b = new IsfcNode('SYSB');
    const events: string[] = [];
    a.onLink((peer, up) => events.push(`${peer} ${up ? 'up' : 'down'}`));
    linkInMemory(a, b);
    expect(a.isUp('SYSB')).toBe(true);
    b.handle('echo', (m) => reply({ from: m.from, n: (m.body as { n: number }).n + 1 }, m.data));
    b.handle('boom', () => {
      throw new Error('no such thing');
    });
    const notes: unknown[] = [];
    b.handle('note', (m) => void notes.push(m.body));
    const r = await a.request('SYSB', 'echo', { n: 1 }, new Uint8Array([7, 8]));
    expect(r.body).toEqual({ from: 'SYSA', n: 2 });
    expect([...r.data!]).toEqual([7, 8]);
    expect(a.send('SYSB', 'note', 'hi')).toBe(true);
    await new Promise((res) => setTimeout(res, 10));
    expect(notes).toEqual(['hi']);
    await expect(a.request('SYSB', 'boom', {})).rejects.toMatchObject({ code: 'REMOTE', message: 'no such thing' });
    await expect(a.request('SYSB', 'nothing', {})).rejects.toMatchObject({ code: 'NOHANDLER' });
    await expect(a.request('SYSC', 'echo', {})).rejects.toBeInstanceOf(IsfcError);
    // a request waiting when the link goes down fails with LINKDOWN
    b.handle('slow', () => new Promise(() => undefined));
    const waiting = a.request('SYSB', 'slow', {});
    a.deactivate('SYSB');
    await expect(waiting).rejects.toMatchObject({ code: 'LINKDOWN' });
    expect(b.isUp('SYSA')).toBe(false);
    expect(events).toEqual(['SYSB up', 'SYSB down']);
    await expect(a.request('SYSB', 'echo', { n: 1 }, undefined, 50)).rejects.toMatchObject({ code: 'LINKDOWN' });
  });

  it('a request nobody answers times out', async () => {
    const a = new IsfcNode('SYSA');
    const b = new IsfcNode('SYSB');
    linkInMemory(a, b);
    a.blackhole.add('SYSB');
    await expect(a.request('SYSB', 'echo', {}, undefined, 50)).rejects.toMatchObject({ code: 'TIMEOUT' });
  });
});
