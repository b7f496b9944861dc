/**
 * Measures how much memory one plan allocates. Run in its own process (plan-bench.ts spawns it) with
 * `--expose-gc --min-semi-space-size=64 --max-semi-space-size=64`, so a batch of plans fits in the young generation:
 * the heap's growth over a batch, between two full collections, is what the batch allocated. A batch during which
 * a scavenge ran anyway (the young generation's use fell) is discarded. Prints one JSON line.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { loadPlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';
import { generatePlan } from '../../src/core/plan-generator.ts';
import type { PlanRequest } from '../../src/core/plan-types.ts';
import { everyRequest } from '../eval/plans/plan-rule-checks.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const newSpaceUsed = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_used_size ?? 0;

/** KiB allocated per plan over `batches` batches of `size` plans from `mix`, median of the clean batches. */
function kibPerPlan(mix: readonly PlanRequest[], knowledge: ReturnType<typeof loadPlanKnowledge>, batches = 7, size = 500): number {
  const results: number[] = [];
  let offset = 0;
  for (let b = 0; b < batches; b++) {
    gc!();
    const before = process.memoryUsage().heapUsed;
    const young = newSpaceUsed();
    for (let i = 0; i < size; i++, offset++) generatePlan(mix[offset % mix.length] as PlanRequest, { date: '2026-11-25', seed: offset }, knowledge);
    const after = process.memoryUsage().heapUsed;
    if (newSpaceUsed() < young) continue; // a scavenge ran: the growth undercounts
    results.push((after - before) / size / 1024);
  }
  results.sort((a, z) => a - z);
  return results[Math.floor(results.length / 2)] ?? Number.NaN;
}

const knowledge = loadPlanKnowledge();
const all = everyRequest([15, 30, 60, 120]);
// Warm up: the JIT, and the per-knowledge caches a running bot fills on its first plans.
for (let i = 0; i < 20_000; i++) generatePlan(all[i % all.length] as PlanRequest, { date: '2026-11-23', seed: i }, knowledge);
const byMinutes = Object.fromEntries([15, 30, 60, 120].map((m) => [m, kibPerPlan(all.filter((r) => r.minutes === m), knowledge)]));
console.log(JSON.stringify({ mix: kibPerPlan(all, knowledge), byMinutes }));
