/** A scored item: `index` into whatever list the caller ranks. */
export interface Scored {
  index: number;
  score: number;
}

/**
 * The `k` highest-scoring indices, best first, in O(n log k): ranking 100k BM25 scores by a full
 * sort would cost more than computing them. `indices` limits which entries are considered (the
 * documents a query touched); omitted, all of `scores` is.
 */
export function topK(scores: ArrayLike<number>, k: number, indices?: ArrayLike<number>): Scored[] {
  if (k <= 0) return [];
  const heap: Scored[] = [];
  const count = indices ? indices.length : scores.length;
  for (let i = 0; i < count; i += 1) {
    const index = indices ? (indices[i] as number) : i;
    const score = scores[index] as number;
    if (heap.length < k) {
      heap.push({ index, score });
      siftUp(heap, heap.length - 1);
    } else if (score > (heap[0] as Scored).score) {
      heap[0] = { index, score };
      siftDown(heap, 0);
    }
  }
  // Ties broken by index so results are deterministic across runs.
  return heap.sort((a, b) => b.score - a.score || a.index - b.index);
}

function less(a: Scored, b: Scored): boolean {
  return a.score < b.score || (a.score === b.score && a.index > b.index);
}

function siftUp(heap: Scored[], start: number): void {
  let i = start;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!less(heap[i] as Scored, heap[parent] as Scored)) return;
    [heap[i], heap[parent]] = [heap[parent] as Scored, heap[i] as Scored];
    i = parent;
  }
}

function siftDown(heap: Scored[], start: number): void {
  let i = start;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    if (left < heap.length && less(heap[left] as Scored, heap[smallest] as Scored)) smallest = left;
    if (right < heap.length && less(heap[right] as Scored, heap[smallest] as Scored)) smallest = right;
    if (smallest === i) return;
    [heap[i], heap[smallest]] = [heap[smallest] as Scored, heap[i] as Scored];
    i = smallest;
  }
}
