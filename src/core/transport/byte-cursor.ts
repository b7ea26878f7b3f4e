/**
 * Growable byte writer and bounds-checked byte reader for the structural packing of codec 2
 * (structural-pack.ts). Integers are unsigned LEB128 varints (at most 53 bits, like a JS safe
 * integer). The reader throws `PackError` on any overrun or malformed varint; the packer's
 * decode entry point turns that into a 'corrupt' Result, so nothing escapes the module.
 */

/** Malformed packed input, caught inside the transport module (never reaches a caller). */
export class PackError extends Error {}

/** The unpacked payload would exceed its size cap ('too-large', not 'corrupt'). */
export class PackLimitError extends PackError {}

export class ByteWriter {
  private buffer = new Uint8Array(256);
  private length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value & 0xff;
  }

  /** Unsigned LEB128; `value` must be a non-negative safe integer. */
  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`varint expected a non-negative safe integer, got ${value}`);
    }
    let rest = value;
    while (rest >= 0x80) {
      this.byte((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.byte(rest);
  }

  bytes(value: Uint8Array): void {
    this.reserve(value.length);
    this.buffer.set(value, this.length);
    this.length += value.length;
  }

  /** A varint length, then the bytes. */
  lengthPrefixed(value: Uint8Array): void {
    this.varint(value.length);
    this.bytes(value);
  }

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

export class ByteReader {
  private offset = 0;

  constructor(private readonly source: Uint8Array) {}

  get remaining(): number {
    return this.source.length - this.offset;
  }

  byte(): number {
    if (this.offset >= this.source.length) throw new PackError('the packed body ends early');
    return this.source[this.offset++] as number;
  }

  /** The next byte without consuming it (undefined at the end). */
  peek(): number | undefined {
    return this.source[this.offset];
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const byte = this.byte();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        // One spelling per number: a trailing zero group would be a second one.
        if (i > 0 && byte === 0) throw new PackError('a varint is not in its shortest form');
        if (!Number.isSafeInteger(value)) throw new PackError('a varint is too large');
        return value;
      }
      scale *= 0x80;
    }
    throw new PackError('a varint is too long');
  }

  bytes(length: number): Uint8Array {
    if (length > this.remaining) {
      throw new PackError(`a field of ${length} bytes is longer than the ${this.remaining} left`);
    }
    const value = this.source.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  lengthPrefixed(max: number): Uint8Array {
    const length = this.varint();
    if (length > max) throw new PackError(`a field of ${length} bytes is over the limit of ${max}`);
    return this.bytes(length);
  }
}
