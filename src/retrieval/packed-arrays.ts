/** A typed array kind that can be packed. */
export type PackedType = 'u32' | 'u16';
type PackedArray = Uint32Array | Uint16Array;

/** Where one array sits in the packed bytes. */
export interface PackedEntry {
  name: string;
  type: PackedType;
  /** Byte offset, a multiple of 4. */
  offset: number;
  /** Number of elements. */
  length: number;
}

const typeOf = (array: PackedArray): PackedType => (array instanceof Uint32Array ? 'u32' : 'u16');
const BYTES: Record<PackedType, number> = { u32: 4, u16: 2 };

/**
 * Lays named typed arrays end to end (each at a multiple of 4 bytes, in machine byte order, which is
 * little-endian everywhere this runs) without copying them: returns the pieces to write one after
 * the other and the layout that `unpackArrays` needs to read them back.
 */
export function packArrays(arrays: [string, PackedArray][]): { pieces: Uint8Array[]; layout: PackedEntry[] } {
  const pieces: Uint8Array[] = [];
  const layout: PackedEntry[] = [];
  let offset = 0;
  for (const [name, array] of arrays) {
    layout.push({ name, type: typeOf(array), offset, length: array.length });
    pieces.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    offset += array.byteLength;
    const padding = (4 - (offset % 4)) % 4;
    if (padding > 0) pieces.push(new Uint8Array(padding));
    offset += padding;
  }
  return { pieces, layout };
}

/**
 * The arrays of `layout` read from `bytes`: views when the bytes are 4-byte aligned (a file read
 * into its own buffer is), copies otherwise. Throws when an entry is malformed or runs past the end.
 */
export function unpackArrays(bytes: Uint8Array, layout: readonly PackedEntry[]): Map<string, PackedArray> {
  const aligned =
    bytes.byteOffset % 4 === 0
      ? bytes
      : new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const arrays = new Map<string, PackedArray>();
  for (const entry of layout) {
    const size = BYTES[entry.type];
    const valid =
      size !== undefined &&
      Number.isInteger(entry.offset) &&
      Number.isInteger(entry.length) &&
      entry.offset >= 0 &&
      entry.length >= 0 &&
      entry.offset % 4 === 0 &&
      entry.offset + entry.length * size <= aligned.byteLength;
    if (!valid)
      throw new RangeError(`packed array ${entry.name} is malformed or runs past the end of the data`);
    const start = aligned.byteOffset + entry.offset;
    arrays.set(
      entry.name,
      entry.type === 'u32'
        ? new Uint32Array(aligned.buffer, start, entry.length)
        : new Uint16Array(aligned.buffer, start, entry.length),
    );
  }
  return arrays;
}
