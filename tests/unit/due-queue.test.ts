import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DueQueue } from '../../src/app/due-queue.ts';

describe('the due queue', () => {
  test('GIVEN keys queued, moved and removed THEN popDue returns exactly the due ones, earliest first, ties in queue order', () => {
    const queue = new DueQueue<string>();
    queue.set('a', 30);
    queue.set('b', 10);
    queue.set('c', 10);
    queue.set('d', 50);
    queue.set('a', 5);
    queue.delete('d');
    expect(queue.popDue(9)).toEqual(['a']);
    expect(queue.popDue(40)).toEqual(['b', 'c']);
    expect(queue.size).toBe(0);
    expect(queue.peek()).toBe(Number.POSITIVE_INFINITY);
  });

  test('GIVEN any sequence of sets and deletes THEN the queue pops what a sorted list would', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 30 }), at: fc.integer({ min: 0, max: 100 }) }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ kind: fc.constant('pop' as const), at: fc.integer({ min: 0, max: 100 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const queue = new DueQueue<number>();
        // The model: key → [at, order queued].
        const model = new Map<number, [number, number]>();
        let order = 0;
        for (const o of ops) {
          if (o.kind === 'set') {
            queue.set(o.key, o.at);
            model.set(o.key, [o.at, order++]);
          } else if (o.kind === 'delete') {
            queue.delete(o.key);
            model.delete(o.key);
          } else {
            const expected = [...model].filter(([, [at]]) => at <= o.at).sort((x, y) => x[1][0] - y[1][0] || x[1][1] - y[1][1]).map(([key]) => key);
            for (const key of expected) model.delete(key);
            expect(queue.popDue(o.at)).toEqual(expected);
          }
          expect(queue.size).toBe(model.size);
        }
      }),
      { numRuns: 300 },
    );
  });
});
