import { describe, expect, it } from 'vitest';
import { packArrays, unpackArrays } from '../../src/retrieval/packed-arrays.js';

const concat = (pieces: Uint8Array[], lead = 0): Uint8Array => {
  const total = pieces.reduce((n, p) => n + p.byteLength, 0);
  const bytes = new Uint8Array(lead + total);
  let at = lead;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.byteLength;
  }
  return bytes.subarray(lead);
};

describe('packArrays / unpackArrays', () => {
  const odd = new Uint16Array([1, 2, 3]);
  const big = new Uint32Array([7, 0xffffffff, 42]);
  const { pieces, layout } = packArrays([
    ['odd', odd],
    ['big', big],
    ['none', new Uint32Array(0)],
  ]);

  it('puts every array at a multiple of 4 bytes and reads them back', () => {
    expect(layout.map((e) => [e.name, e.type, e.offset, e.length])).toEqual([
      ['odd', 'u16', 0, 3],
      ['big', 'u32', 8, 3],
      ['none', 'u32', 20, 0],
    ]);
    const arrays = unpackArrays(concat(pieces), layout);
    expect(Array.from(arrays.get('odd') ?? [])).toEqual([1, 2, 3]);
    expect(Array.from(arrays.get('big') ?? [])).toEqual([7, 0xffffffff, 42]);
    expect(arrays.get('none')).toHaveLength(0);
  });

  it('copies bytes that do not start on a 4-byte boundary', () => {
    const arrays = unpackArrays(concat(pieces, 1), layout);
    expect(Array.from(arrays.get('big') ?? [])).toEqual([7, 0xffffffff, 42]);
  });

  it('refuses an entry that runs past the end or is not aligned', () => {
    const bytes = concat(pieces);
    expect(() => unpackArrays(bytes.subarray(0, 12), layout)).toThrow(/big/);
    expect(() => unpackArrays(bytes, [{ name: 'x', type: 'u32', offset: 2, length: 1 }])).toThrow(/x/);
  });
});
