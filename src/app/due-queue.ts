/**
 * A min-heap of keys by due instant, with each key's place tracked so one key is moved or removed in O(log n): the
 * daily scheduler keeps each server's next due instant here, so a tick pops only what is due and `/daily set` moves
 * one entry. Equal instants come out in the order they were queued, so ticks visit servers in a stable order.
 */
interface Node<K> {
  key: K;
  at: number;
  /** Queue order among equal instants. */
  seq: number;
}

/** Keys ordered by due instant (milliseconds). */
export class DueQueue<K> {
  private readonly heap: Node<K>[] = [];
  private readonly index = new Map<K, number>();
  private counter = 0;

  /** How many keys are queued. */
  get size(): number {
    return this.heap.length;
  }

  /** Queues `key` at `at`, or moves it there if it is queued already. */
  set(key: K, at: number): void {
    const i = this.index.get(key);
    const node = { key, at, seq: this.counter++ };
    if (i === undefined) {
      this.heap.push(node);
      this.up(this.heap.length - 1);
      return;
    }
    this.heap[i] = node;
    this.up(i);
    this.down(this.index.get(key) as number);
  }

  /** Removes `key` if queued. */
  delete(key: K): void {
    const i = this.index.get(key);
    if (i === undefined) return;
    this.index.delete(key);
    const last = this.heap.pop() as Node<K>;
    if (i === this.heap.length) return;
    this.heap[i] = last;
    this.index.set(last.key, i);
    this.up(i);
    this.down(this.index.get(last.key) as number);
  }

  /** Removes and returns every key due at or before `now`, earliest first. */
  popDue(now: number): K[] {
    const due: K[] = [];
    while (this.heap.length && (this.heap[0] as Node<K>).at <= now) {
      const top = (this.heap[0] as Node<K>).key;
      this.delete(top);
      due.push(top);
    }
    return due;
  }

  /** The earliest due instant, or Infinity when empty. */
  peek(): number {
    return this.heap[0]?.at ?? Number.POSITIVE_INFINITY;
  }

  private before(a: Node<K>, b: Node<K>): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private place(i: number, node: Node<K>): void {
    this.heap[i] = node;
    this.index.set(node.key, i);
  }

  private up(i: number): void {
    const node = this.heap[i] as Node<K>;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = this.heap[parent] as Node<K>;
      if (!this.before(node, above)) break;
      this.place(i, above);
      i = parent;
    }
    this.place(i, node);
  }

  private down(i: number): void {
    const node = this.heap[i] as Node<K>;
    const n = this.heap.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && this.before(this.heap[right] as Node<K>, this.heap[left] as Node<K>) ? right : left;
      if (!this.before(this.heap[child] as Node<K>, node)) break;
      this.place(i, this.heap[child] as Node<K>);
      i = child;
    }
    this.place(i, node);
  }
}
