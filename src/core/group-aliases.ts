/** What members type for a muscle group ("hammies", "butt", "lats") resolved to a group the generator knows. */
import { GROUPS, type Group } from './plan-types.ts';

/** Words members use for each group, lowercase; the group's own name is always accepted too. */
export const GROUP_ALIASES: Readonly<Record<Group, readonly string[]>> = {
  legs: [
    'leg', 'legs', 'leg day', 'lower body', 'quads', 'quad', 'quadriceps', 'hamstrings', 'hamstring', 'hammies',
    'hammy', 'hams', 'calves', 'calf', 'thighs', 'thigh',
  ],
  glutes: [
    'glute', 'glutes', 'gluteus', 'butt', 'booty', 'bum', 'bottom', 'behind', 'hips', 'glute medius', 'side glutes',
    'peach',
  ],
  back: [
    'back', 'lats', 'lat', 'upper back', 'lower back', 'mid back', 'middle back', 'traps', 'trap', 'rhomboids', 'wings',
    'spine', 'erectors',
  ],
};

const lookup = new Map<string, Group>(
  GROUPS.flatMap((group) => [group, ...GROUP_ALIASES[group]].map((alias) => [alias, group] as const)),
);

/** Normalises free text for lookup: lowercase, dashes and underscores as spaces, single spaces, trimmed. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The group a member's word names, or undefined when it names none (case-insensitive). */
export function resolveGroup(text: string): Group | undefined {
  return lookup.get(normalise(text));
}

const EXAMPLES: Readonly<Record<Group, string>> = {
  legs: 'quads, hamstrings, hammies',
  glutes: 'glute, butt, booty',
  back: 'lats, upper back, traps',
};

/** The groups with a few example aliases, for error messages: `legs (quads, hamstrings, hammies), …`. */
export function describeGroups(): string {
  return GROUPS.map((group) => `${group} (${EXAMPLES[group]})`).join(', ');
}
