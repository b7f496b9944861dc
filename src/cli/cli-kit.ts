/** Plumbing the plan-printing subcommands share: their edges (today's date, the knowledge) and knowledge errors. */
import { loadPlanKnowledge } from '../adapters/knowledge/load-plan-knowledge.ts';
import { KnowledgeError } from '../adapters/knowledge/knowledge-error.ts';
import type { PlanKnowledge } from '../core/training-rules.ts';
import type { CliIo } from './cli-io.ts';

/** What a plan-printing command reads from outside: today's date and the knowledge (both injectable for tests). */
export interface PlanCommandDeps {
  /** Today's date as YYYY-MM-DD, used when --date is left out. */
  today(): string;
  loadKnowledge(): PlanKnowledge;
}

/** Loads the knowledge, or prints why it is broken (exit 1) and returns null. */
export function knowledgeOrReport(io: CliIo, load: () => PlanKnowledge, describe: (message: string) => string): PlanKnowledge | null {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    io.stderr(`${describe(error.message)}\n`);
    return null;
  }
}

let cached: PlanKnowledge | undefined;

/** The shipped knowledge, loaded once per process. */
export function shippedKnowledge(): PlanKnowledge {
  return (cached ??= loadPlanKnowledge());
}

/** The real edges: the machine's date and the shipped knowledge folder (loaded once per process). */
export const shippedPlanDeps: PlanCommandDeps = { today: () => localToday(), loadKnowledge: shippedKnowledge };

/** The machine's local calendar date (the CLI edge may read the clock; the core never does). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
