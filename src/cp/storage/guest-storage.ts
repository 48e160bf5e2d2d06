/**
 * Guest (virtual machine) storage: 4 KiB pages in one SharedArrayBuffer with a
 * change-bit bitmap beside it (DESIGN.md §3 "Storage and change tracking").
 *
 * - The buffer is allocated zero-filled by the platform (calloc/mmap): pages never
 *   touched cost no real memory, so a 128 MiB guest that uses 8 MiB costs ~8 MiB.
 * - Writers store the data first, then set the page's change bit with Atomics.or.
 * - The migration reader clears bits with Atomics.exchange before copying a page, so
 *   a page written during the copy is always sent again.
 * - retrieveChangeBits(): on its first call a 1 for every non-zero page, afterwards
 *   the pages changed since the previous call (SHARE 109 semantics).
 * The same object works in the guest's worker (built from the shared buffers).
 */
export const PAGE_SIZE = 4096;
export const PAGE_SHIFT = 12;

export interface StorageBuffers {
  data: SharedArrayBuffer;
  bits: SharedArrayBuffer;
}

export class GuestStorage {
  readonly bytes: Uint8Array;
  readonly bits: Int32Array;
  readonly pages: number;
  private firstRetrieve = true;

  constructor(readonly buffers: StorageBuffers) {
    this.bytes = new Uint8Array(buffers.data);
    this.bits = new Int32Array(buffers.bits);
    this.pages = buffers.data.byteLength >>> PAGE_SHIFT;
  }

  static allocate(size: number): GuestStorage {
    if (size % PAGE_SIZE !== 0 || size <= 0) throw new Error(`storage size ${size} is not a positive multiple of 4 KiB`);
    const pages = size / PAGE_SIZE;
    return new GuestStorage({
      data: new SharedArrayBuffer(size),
      bits: new SharedArrayBuffer(Math.ceil(pages / 32) * 4),
    });
  }

  get size(): number {
    return this.bytes.length;
  }

  /** Mark page p changed (after its data has been stored). */
  markChanged(p: number): void {
    Atomics.or(this.bits, p >>> 5, 1 << (p & 31));
  }

  /** Write bytes at a guest real address, setting the change bits of the pages touched. */
  write(addr: number, data: Uint8Array): void {
    if (addr < 0 || addr + data.length > this.bytes.length) throw new RangeError(`addressing exception at ${addr.toString(16)}`);
    this.bytes.set(data, addr);
    const last = (addr + data.length - 1) >>> PAGE_SHIFT;
    for (let p = addr >>> PAGE_SHIFT; p <= last; p++) this.markChanged(p);
  }

  read(addr: number, length: number): Uint8Array {
    if (addr < 0 || addr + length > this.bytes.length) throw new RangeError(`addressing exception at ${addr.toString(16)}`);
    return this.bytes.slice(addr, addr + length);
  }

  /** Test and clear one page's change bit (the migration reader's step before a copy). */
  testAndClear(p: number): boolean {
    const bit = 1 << (p & 31);
    // exchange the word with itself minus the bit: loop on compareExchange to clear one bit atomically
    for (;;) {
      const old = Atomics.load(this.bits, p >>> 5);
      if ((old & bit) === 0) return false;
      if (Atomics.compareExchange(this.bits, p >>> 5, old, old & ~bit) === old) return true;
    }
  }

  isZeroPage(p: number): boolean {
    const base = p << PAGE_SHIFT;
    const w = new Int32Array(this.bytes.buffer, base, PAGE_SIZE / 4);
    for (let i = 0; i < w.length; i++) if (w[i] !== 0) return false;
    return true;
  }

  /**
   * Retrieve migration change bits: a copy of the bitmap, clearing it (Atomics.exchange
   * per word). On the first call every non-zero page is reported as changed.
   */
  retrieveChangeBits(): Int32Array {
    const out = new Int32Array(this.bits.length);
    for (let i = 0; i < this.bits.length; i++) out[i] = Atomics.exchange(this.bits, i, 0);
    if (this.firstRetrieve) {
      this.firstRetrieve = false;
      out.fill(0);
      for (let p = 0; p < this.pages; p++) if (!this.isZeroPage(p)) out[p >>> 5]! |= 1 << (p & 31);
    }
    return out;
  }

  /** Number of pages that hold non-zero data (INDICATE USER "RES=", QUERY VIRTUAL STORAGE). */
  residentPages(): number {
    let n = 0;
    for (let p = 0; p < this.pages; p++) if (!this.isZeroPage(p)) n++;
    return n;
  }

  /** SYSTEM CLEAR: zero all storage and the change bits. */
  clear(): void {
    this.bytes.fill(0);
    this.bits.fill(0);
    this.firstRetrieve = true;
  }
}
