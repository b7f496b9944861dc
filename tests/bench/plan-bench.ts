/** Plan generator figures: plans per second, p99 latency and allocation per plan over a fixed request mix; knowledge load time. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadPlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';
import { generatePlan } from '../../src/core/plan-generator.ts';
import type { PlanRequest } from '../../src/core/plan-types.ts';
import { everyRequest } from '../eval/plans/plan-rule-checks.ts';
import { figure, percentile, section } from './bench-kit.ts';

/** Every group and focus × goal × level × equipment at four budgets: 1,440 requests, the same on every run. */
function requestMix(): PlanRequest[] {
  return everyRequest([15, 30, 60, 120]);
}

/** KiB one plan allocates, measured in a child process with a young generation large enough for a batch. */
function allocation(): { mix: number; byMinutes: Record<string, number> } | undefined {
  const probe = fileURLToPath(new URL('./plan-alloc-probe.ts', import.meta.url));
  const flags = ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64', '--import', 'tsx', probe];
  const run = spawnSync(process.execPath, flags, { encoding: 'utf8' });
  if (run.status !== 0) {
    console.log(`allocation probe failed: ${run.stderr.split('\n')[0]}`);
    return undefined;
  }
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { mix: number; byMinutes: Record<string, number> };
}

/** Runs the plan benchmarks and prints their figures. */
export async function run(): Promise<void> {
  section('plan generator');

  const coldStart = performance.now();
  const knowledge = loadPlanKnowledge();
  const cold = performance.now() - coldStart;
  figure('load library + catalogue + rules (first, cold)', cold, 'ms', { max: 100 });
  const warmLoads: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    loadPlanKnowledge();
    warmLoads.push(performance.now() - start);
  }
  figure('load library + catalogue + rules (p50 of 20 reloads)', percentile(warmLoads, 50), 'ms', { max: 100 });

  const mix = requestMix();
  const dates = ['2026-11-23', '2026-11-24', '2027-03-28'];
  // Warm up the JIT so the figures describe steady state, as a running bot sees it.
  for (let i = 0; i < 2000; i++) generatePlan(mix[i % mix.length]!, { date: dates[i % 3]!, seed: i }, knowledge);

  const latencies: number[] = [];
  const rounds = 20;
  const start = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < mix.length; i++) {
      const t0 = performance.now();
      generatePlan(mix[i]!, { date: dates[(i + round) % 3]!, seed: round }, knowledge);
      latencies.push(performance.now() - t0);
    }
  }
  const elapsed = performance.now() - start;
  figure(`plans per second (${latencies.length} plans, ${mix.length}-request mix)`, (latencies.length / elapsed) * 1000, 'plans/s');
  figure('generatePlan p50 latency', percentile(latencies, 50), 'ms');
  figure('generatePlan p99 latency', percentile(latencies, 99), 'ms', { max: 1 });
  figure('generatePlan max latency', Math.max(...latencies), 'ms');

  const allocated = allocation();
  if (allocated) {
    figure(`allocation per plan (${mix.length}-request mix, median batch)`, allocated.mix, 'KiB', { max: 20 });
    for (const [minutes, kib] of Object.entries(allocated.byMinutes)) figure(`  of which ${minutes}-minute plans`, kib, 'KiB');
  }
}
