/** What members type for a muscle group or a focus ("hammies", "butt", "traps") resolved to what the generator knows. */
import { FOCUSES, FOCUS_GROUP, GROUPS, type Focus, type Group } from './plan-types.ts';

/** Words members use for a whole group, lowercase; the group's own name is always accepted too. */
export const GROUP_ALIASES: Readonly<Record<Group, readonly string[]>> = {
  legs: ['leg', 'legs', 'leg day', 'lower body', 'thighs', 'thigh'],
  glutes: ['glute', 'glutes', 'gluteus', 'butt', 'booty', 'bum', 'bottom', 'behind', 'hips', 'peach'],
  back: ['back', 'back day'],
};

/** Words members use for a focus, lowercase; the focus's own name (with dashes or spaces) is always accepted too. */
export const FOCUS_ALIASES: Readonly<Record<Focus, readonly string[]>> = {
  hamstrings: ['hamstring', 'hammies', 'hammy', 'hams', 'back of the thighs'],
  quads: ['quad', 'quadriceps', 'quadricep', 'front of the thighs'],
  calves: ['calf', 'calfs'],
  'glute-medius': ['glute med', 'glute medius', 'gluteus medius', 'side glutes', 'side glute', 'abductors', 'abductor', 'hip abductors', 'outer glutes'],
  lats: ['lat', 'latissimus', 'latissimus dorsi', 'wings'],
  'upper-back': ['traps', 'trap', 'trapezius', 'rhomboids', 'mid back', 'middle back', 'rear delts', 'upper back'],
  'lower-back': ['lower back', 'erectors', 'spinal erectors', 'erector spinae', 'lumbar', 'spine'],
};

/** Every word that names a group or a muscle inside it ("legs", "hammies", "quads"), lowercase, for finding the group in free text. */
export function wordsForGroup(group: Group): string[] {
  const focuses = FOCUSES.filter((focus) => FOCUS_GROUP[focus] === group);
  return [group, ...GROUP_ALIASES[group], ...focuses.flatMap((focus) => [focus.replace(/-/g, ' '), ...FOCUS_ALIASES[focus]])];
}

/** A group, and the focus within it when the words name one. */
export interface Target {
  group: Group;
  focus?: Focus;
}

/** Normalises free text for lookup: lowercase, dashes and underscores as spaces, single spaces, trimmed. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
}

// A Map, never a plain object: what a member types is data, and "constructor" must not find Object.prototype.
const lookup = new Map<string, Target>([
  ...GROUPS.flatMap((group) => [group, ...GROUP_ALIASES[group]].map((alias) => [normalise(alias), { group }] as const)),
  ...FOCUSES.flatMap((focus) => [focus, ...FOCUS_ALIASES[focus]].map((alias) => [normalise(alias), { group: FOCUS_GROUP[focus], focus }] as const)),
]);

/** The group (and focus) a member's word names, or undefined when it names none (case-insensitive). */
export function resolveTarget(text: string): Target | undefined {
  return lookup.get(normalise(text));
}

/** The group a member's word names ("hammies" is legs), or undefined when it names none. */
export function resolveGroup(text: string): Group | undefined {
  return resolveTarget(text)?.group;
}

/** The focus a member's word names ("traps" is the upper back), or undefined when it names none (or a whole group). */
export function resolveFocus(text: string): Focus | undefined {
  return resolveTarget(text)?.focus;
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

/** A focus as members read it: `upper-back` → `upper back`. */
export function focusWords(focus: Focus): string {
  return focus.replace(/-/g, ' ');
}

/** A group's focuses as members read them: `hamstrings, quads, calves`. */
export function focusesOf(group: Group): string {
  return FOCUSES.filter((focus) => FOCUS_GROUP[focus] === group)
    .map(focusWords)
    .join(', ');
}

/** The focuses by group, for error messages: `legs: hamstrings, quads, calves; glutes: glute medius; …`. */
export function describeFocuses(): string {
  return GROUPS.map((group) => `${group}: ${focusesOf(group)}`).join('; ');
}
