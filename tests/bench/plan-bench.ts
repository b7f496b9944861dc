/** Plan generator figures: plans per second and p99 latency over a fixed request mix; knowledge load time. */
import { performance } from 'node:perf_hooks';
import { loadPlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';
import { generatePlan } from '../../src/core/plan-generator.ts';
import { EQUIPMENT_LEVELS, GOALS, GROUPS, LEVELS, type PlanRequest } from '../../src/core/plan-types.ts';
import { figure, percentile, section } from './bench-kit.ts';

/** Every group × goal × level × equipment at four budgets: 432 requests, the same on every run. */
function requestMix(): PlanRequest[] {
  const mix: PlanRequest[] = [];
  for (const group of GROUPS)
    for (const goal of GOALS)
      for (const level of LEVELS)
        for (const equipment of EQUIPMENT_LEVELS)
          for (const minutes of [15, 30, 60, 120]) mix.push({ group, goal, level, equipment, minutes });
  return mix;
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
}
