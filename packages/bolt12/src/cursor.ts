// Reading the fixed-layout subtypes inside a field (blinded paths, pay info, fallbacks): a cursor
// over the field's value that fails, with the caller's error, when the value ends too soon.

export class Cursor {
  at = 0;

  constructor(
    readonly bytes: Uint8Array,
    /** Throws the caller's error for a value that ends in the middle of `what`. */
    private readonly truncated: (what: string) => never,
  ) {}

  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  take(length: number, what: string): Uint8Array {
    if (this.at + length > this.bytes.length) this.truncated(what);
    const out = this.bytes.slice(this.at, this.at + length);
    this.at += length;
    return out;
  }

  /** A big-endian unsigned integer of `size` ≤ 6 bytes. */
  uint(size: number, what: string): number {
    if (this.at + size > this.bytes.length) this.truncated(what);
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + (this.bytes[this.at + i] as number);
    this.at += size;
    return value;
  }

  u64(what: string): bigint {
    const high = this.uint(4, what);
    return (BigInt(high) << 32n) | BigInt(this.uint(4, what));
  }

  peek(): number | undefined {
    return this.bytes[this.at];
  }
}

/** Big-endian bytes of `value` in `size` bytes. */
export const uintBytes = (value: bigint | number, size: number): Uint8Array => {
  const out = new Uint8Array(size);
  let v = BigInt(value);
  for (let i = size - 1; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
};
