/**
 * The external data queue (TRL2 §10 "PULL, PUSH, QUEUE"; REXX/VM: the program stack
 * with buffers — MAKEBUF, DROPBUF, DESBUF, SENTRIES).
 *
 * Each buffer is a list; PUSH adds to the head of the newest buffer (LIFO),
 * QUEUE to the tail of the newest buffer (FIFO); PULL takes from the head of
 * the newest non-empty buffer, working down to older buffers.
 */
export class RexxQueue {
  /** buffers[0] is the oldest; each buffer is an array used as a deque. */
  private buffers: string[][] = [[]];

  get length(): number {
    let n = 0;
    for (const b of this.buffers) n += b.length;
    return n;
  }

  push(line: string): void {
    this.buffers[this.buffers.length - 1]!.unshift(line);
  }

  queue(line: string): void {
    this.buffers[this.buffers.length - 1]!.push(line);
  }

  /** Next line, or undefined when the whole stack is empty. Empty buffers above are dropped as CMS does. */
  pull(): string | undefined {
    for (let i = this.buffers.length - 1; i >= 0; i--) {
      const b = this.buffers[i]!;
      if (b.length > 0) return b.shift();
    }
    return undefined;
  }

  /** MAKEBUF: returns the new buffer number. */
  makeBuf(): number {
    this.buffers.push([]);
    return this.buffers.length - 1;
  }

  /** DROPBUF n: drops buffer n and all newer ones (default: the newest). */
  dropBuf(n?: number): void {
    const keep = n === undefined ? this.buffers.length - 1 : Math.max(n, 0);
    if (keep === 0) this.buffers = [[]];
    else this.buffers.length = Math.min(keep, this.buffers.length);
  }

  /** DESBUF: clears every buffer. */
  desBuf(): void {
    this.buffers = [[]];
  }

  /** Number of buffers beyond buffer 0. */
  get bufferCount(): number {
    return this.buffers.length - 1;
  }
}
