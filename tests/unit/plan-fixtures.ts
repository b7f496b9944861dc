/** Shared helpers for the plan tests: the shipped knowledge (loaded once) and request builders. */
import { loadPlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';
import type { PlanRequest } from '../../src/core/plan-types.ts';
import type { PlanKnowledge } from '../../src/core/training-rules.ts';

let cached: PlanKnowledge | undefined;

/** The shipped catalogue, rules and library. */
export function knowledge(): PlanKnowledge {
  return (cached ??= loadPlanKnowledge());
}

/** A request with the documented defaults, overridden by `over`. */
export function request(over: Partial<PlanRequest> = {}): PlanRequest {
  return { group: 'legs', goal: 'pump', level: 'intermediate', equipment: 'gym', minutes: 60, ...over };
}
