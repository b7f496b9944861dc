/** The fitness synonym map: members' words (slang, plurals, jargon) folded onto one canonical term before stemming. */

/**
 * Canonical term → the words members and sources use for it. Both the index and the query fold these words onto the
 * canonical term, so "hammies" in a question meets "hamstrings" in a passage.
 */
export const SYNONYM_GROUPS: Readonly<Record<string, readonly string[]>> = {
  glute: ['glute', 'glutes', 'gluteal', 'gluteus', 'butt', 'butts', 'booty', 'bum', 'bums', 'buttocks', 'backside', 'ass', 'arse'],
  hamstring: ['hamstring', 'hamstrings', 'hammies', 'hammy', 'hammys', 'hams', 'biceps femoris'],
  quad: ['quad', 'quads', 'quadricep', 'quadriceps', 'thigh', 'thighs'],
  lat: ['lat', 'lats', 'latissimus'],
  trap: ['trap', 'traps', 'trapezius'],
  calf: ['calf', 'calves', 'calfs'],
  pump: ['pump', 'pumps', 'pumped', 'pumping', 'engorge', 'engorged', 'engorgement'],
  hyperemia: ['hyperemia', 'hyperaemia'],
  abduction: ['abduction', 'abductions', 'abductor', 'abductors'],
  promotional: ['promotional', 'promo', 'promos', 'advert', 'ad'],
  growth: [
    'growth', 'grow', 'grows', 'growing', 'grown', 'grew', 'hypertrophy', 'gains', 'gainz', 'bigger', 'size', 'mass', 'build',
    'building', 'wider', 'broader', 'thicker', 'thicc', 'jacked', 'swole',
  ],
  rep: ['rep', 'reps', 'repetition', 'repetitions', 'repz'],
  exercise: [
    'exercise', 'exercises', 'move', 'moves', 'movement', 'movements', 'lift', 'lifts', 'excercise', 'excercises', 'exercize',
    'exersize', 'exersise',
  ],
  session: ['session', 'sessions', 'workout', 'workouts', 'routine', 'routines', 'program', 'programme', 'split', 'sesh', 'wrkout', 'wrkouts'],
  // Units as members type them: "hrs", "secs", "g per kilo". A weight unit is a weight unit: the library gives g per kg.
  hour: ['hour', 'hours', 'hr', 'hrs'],
  minute: ['minute', 'minutes', 'min', 'mins'],
  second: ['second', 'seconds', 'sec', 'secs'],
  gram: ['gram', 'grams', 'grms', 'gr'],
  kg: ['kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms', 'lb', 'lbs', 'pound', 'pounds'],
  protein: ['protein', 'proteins', 'protien', 'protiens', 'prot'],
  carb: ['carb', 'carbs', 'carbohydrate', 'carbohydrates'],
  hydration: ['hydration', 'hydrate', 'hydrated', 'dehydration', 'dehydrated', 'water', 'fluid', 'fluids', 'drink', 'drinks', 'drinking'],
  supplement: ['supplement', 'supplements', 'supps', 'supp', 'supplementation'],
  // Pain, injury and safety are one subject for retrieval: "my knee hurts" should find the safety advice.
  safety: ['safety', 'safe', 'safely', 'unsafe', 'danger', 'dangerous', 'risky', 'injury', 'injuries', 'injured', 'injure', 'hurt', 'hurts', 'hurting', 'pain', 'painful', 'ache', 'aches', 'aching', 'tweak', 'tweaked', 'pulled', 'strained', 'torn', 'sprained', 'sore', 'soreness', 'doms'],
  meal: ['meal', 'meals', 'eat', 'eating', 'eats', 'ate', 'food', 'foods', 'snack', 'snacks'],
  sleep: ['sleep', 'sleeping', 'slept'],
  beginner: ['beginner', 'beginners', 'newbie', 'newbies', 'novice', 'novices', 'new'],
  warm: ['warm', 'warmup', 'warmups', 'warming'],
  cool: ['cool', 'cooldown', 'cooling'],
  rest: ['rest', 'rests', 'resting'],
  heavy: ['heavy', 'heavier', 'heaviest', 'heavily'],
  light: ['light', 'lighter', 'lightest'],
  target: ['target', 'targets', 'targeted', 'targeting', 'hit', 'hits', 'hitting'],
  sign: ['sign', 'signs', 'signal', 'signals', 'indicator', 'indicators', 'indicate', 'indicates', 'show', 'shows', 'proof', 'prove', 'proves', 'proven', 'evidence'],
  // "How much do I drop on a drop set": the library says "cut the weight".
  cut: ['cut', 'cuts', 'cutting', 'drop', 'drops', 'dropping'],
  temporary: ['temporary', 'temporarily', 'permanent', 'permanently', 'transient', 'forever'],
  stretch: ['stretch', 'stretches', 'stretching', 'stretched'],
};

/** The exercises the library names, as members and passages write them (lowercase). */
export const NAMED_EXERCISE =
  /\b(?:hip thrusts?|glute bridges?|kickbacks?|squats?|lunges?|deadlifts?|romanian deadlifts?|leg press(?:es)?|leg curls?|leg extensions?|calf raises?|pull-?downs?|rows?|kettlebell swings?|hyperextensions?|back extensions?|abductions?|abductors?|band walks?|lateral walks?)\b/;

/** The session words of the timing rules below: a match ends with one of them. */
const SESSION_NEEDLES = ['workout', 'training', 'session', 'lifting', 'gym', 'day', 'exercis'];

/**
 * Multi-word phrases rewritten before tokenising. The phrase is kept and the canonical words are added, so a passage
 * that says "cellular swelling" also counts as talking about the pump. Each rule ends with its needles: strings of
 * which every match contains at least one (and, when a second list is given, one of that list too), so a text without
 * them skips the rule's regular expression (most passages lack most phrases, and a substring search costs far less
 * than the regex scan).
 */
export const PHRASE_RULES: ReadonlyArray<readonly [pattern: RegExp, replacement: string, needles: readonly string[], alsoNeedles?: readonly string[]]> = [
  // Chat shorthand first, so the rules below see words: "pump = gains?", "eat b4 leg day", "rows w/ straps".
  [/\s*=+>?\s*/g, ' means ', ['=']],
  [/\s*&\s*/g, ' and ', ['&']],
  [/\bb4\b/g, 'before', ['b4']],
  [/\bw\/o\b/g, 'without', ['w/o']],
  [/\bw\//g, 'with ', ['w/']],
  // Intensity techniques are one term each: "how many sets for legs" is not about drop sets, nor "rest?" about
  // rest-pause, nor "what rep range" about myo-reps or partial reps.
  [/\bdrop[\s-]?sets?\b/g, 'dropset', ['drop'], ['set']],
  [/\brest[\s-]?pause\b/g, 'restpause', ['pause']],
  [/\bmyo(?:[\s-]?reps?)?\b/g, 'myoreps', ['myo']],
  [/\bpartials?(?:[\s-]+reps?)?\b/g, 'partialreps', ['partial']],
  [/\bgiant[\s-]+sets?\b/g, 'giantset', ['giant']],
  [/\bcell(?:ular)?\s+swelling\b/g, 'cellular swelling pump', ['swelling']],
  [/\bbfr\b/g, 'bfr blood flow restriction', ['bfr']],
  [/\bmind[\s-]+muscle\b/g, 'mind muscle connection', ['mind'], ['muscle']],
  [/\bleg\s+day\b/g, 'leg day session', ['leg'], ['day']],
  [/\brdls?\b/g, 'romanian deadlift', ['rdl']],
  [/\bbody[\s-]?weight\b/g, 'body weight', ['body'], ['weight']],
  // Tempo is time under tension; a wide back is the lats.
  [/\b(?:time under tension|tut)\b/g, '$& tempo', ['tension', 'tut']],
  [/\b(?:wide|wider|widest|width|broad|broader)\s+back\b|\bv[\s-]?taper\b/g, '$& lat', ['wid', 'broad', 'taper']],
  // Body-part words inside the library's own terms name no body part to train: "chest-supported row", "squeeze the
  // shoulder blades", "straight-arm pulldown".
  [/\bchest[\s-]supported\b/g, 'supported', ['supported']],
  [/\bshoulder[\s-]?blades?\b/g, 'scapula', ['blade']],
  [/\bstraight[\s-]arms?\b/g, 'straightarm', ['straight']],
  // A warm-up is before a session and a cool-down after it: "warm up before back day" is about the warm-up, not timing.
  [/\b(warm(?:ing)?[\s-]*ups?|warm)\s+(?:before|pre)\b/g, '$1 for', ['warm'], ['before', 'pre']],
  [/\b(cool(?:ing)?[\s-]*downs?|cool)\s+(?:after|post)\b/g, '$1 for', ['cool'], ['after', 'post']],
  // Timing around a session: "pre-workout meal", "eat after training legs" become a timing marker.
  // The session word itself gives way to the marker: "before a leg workout" is about timing, so a passage that says it
  // must not rank for "give me a leg workout".
  [/\b(pre|before)([\s-]+(?:(?:a|the|my|your)\s+)?(?:(?:leg|back|glute)\s+)?)(?:workouts?|training|sessions?|lifting|gym|day|exercis(?:e|ing))\b/g, '$1$2preworkout', ['pre', 'before'], SESSION_NEEDLES],
  [/\b(post|after)([\s-]+(?:(?:a|the|my|your)\s+)?(?:(?:leg|back|glute)\s+)?)(?:workouts?|training|sessions?|lifting|gym|day|exercis(?:e|ing))\b/g, '$1$2postworkout', ['post', 'after'], SESSION_NEEDLES],
  // "Two exercises in a row" names no row.
  [/\bin a row\b/g, 'consecutively', ['in a row']],
  // A named exercise is an exercise: "best exercises for my lats" should meet "lat pulldown" (a hypernym, added).
  [new RegExp(NAMED_EXERCISE.source, 'g'), '$& exercise', ['thrust', 'bridge', 'kickback', 'squat', 'lunge', 'deadlift', 'press', 'curl', 'extension', 'raise', 'pull', 'row', 'swing', 'abduct', 'walk']],
  // Training frequency is its own subject (the library does not cover it); keep it from matching "time under tension".
  // Rest days between sessions are frequency too, not rest between sets.
  [
    /\b(?:how often|how many times|how many days|times (?:a|per) week|days (?:a|per) week|per week|a week|every (?:other |single )?day|rest days?|days? off|days? of rest|between (?:(?:leg|back|glute) )?(?:days|sessions|workouts)|(?:days?|sessions?|workouts?) (?:consecutively|straight)|consecutive (?:(?:leg|back|glute) )?(?:days?|sessions?|workouts?)|back[\s-]to[\s-]back (?:(?:leg|back|glute) )?(?:days?|sessions?|workouts?))\b/g,
    'frequency',
    ['often', 'times', 'week', 'day', 'between', 'session', 'workout'],
  ],
  // "Best time to take protein" asks when to eat, not about time under tension.
  [/\b(?:(?:the )?best |right |what |a good )?time (?:to|should i|do i) (take|eat|have|drink)\b/g, 'when to $1', ['time'], ['take', 'eat', 'have', 'drink']],
  // The bench press is chest training, not the bench of a hyperextension.
  [/\bbench(?:ing)?\s+press\w*|\b(?:my|more|your|to|heavier|bigger)\s+bench\b|\bbench\s+(?:more|max|pr|numbers?)\b/g, 'benchpress', ['bench']],
  // "Does the burn mean I'm growing?" asks whether something is a sign of growth, not what the word means.
  [/\bmeans?\s+(?:(?:my|i|im|the|that|it|its|is|are|has|have|been|getting|actually|really|your|you|youre|muscle|muscles|glutes?|legs?|back|lats?)\s+)*(?:growth|grow\w*|grew|gains|bigger|progress\w*|working)\b/g, '$& sign', ['mean'], ['grow', 'grew', 'gains', 'bigger', 'progress', 'working']],
  // "How do I grow / build a bigger X" asks for what to do, i.e. exercises.
  [/\bhow (do|can|should) i (grow|build|get)\b/g, 'how $1 i $2 exercise', ['how'], ['grow', 'build', 'get']],
  [/\b(?:how to|best way to|ways? to) (?:grow|build|get)\b/g, '$& exercise', ['how', 'way'], ['grow', 'build', 'get']],
  // Time of day is not time under tension: "best time of day to train" is its own (uncovered) subject.
  [/\b(?:time of (?:the )?day|what time (?:should|to|do)|(?:in the )?morning or (?:at |in the )?(?:evening|night)|(?:morning|evening|night) (?:workouts?|training))\b/g, 'timeofday', ['time', 'morning', 'evening', 'night']],
  // Losing fat is a subject of its own (uncovered): "burn fat" is not "the burn", "lose weight" not a lighter load.
  [/\b(?:los(?:e|ing) (?:\w+ )?(?:fat|weight)|fat[\s-]?loss|weight[\s-]?loss|burn(?:ing)? (?:\w+ )?fat|belly fat)\b/g, 'fatloss', ['fat', 'weight'], ['los', 'burn', 'belly']],
  // Word sense: "fasted training" is not "fast carbs" (both stem to "fast"), and "light cardio" is not a light load.
  [/\bfast(?:ed|ing)\b/g, 'fastedstate', ['fast']],
  [/\blight\s+(cardio|jog\w*|walk\w*)\b/g, 'easy $1', ['light'], ['cardio', 'jog', 'walk']],
  [/\bwarm[\s-]+ups?\b/g, 'warm', ['warm']],
  [/\bcool[\s-]+downs?\b/g, 'cool', ['cool']],
  [/\bsix\s+pack\b/g, 'abs', ['six']],
];

const canonicalByWord: ReadonlyMap<string, string> = new Map(
  Object.entries(SYNONYM_GROUPS).flatMap(([canonical, words]) => words.map((word) => [word, canonical] as const)),
);

/** The canonical term for a lowercased word, or the word itself when it has no synonyms. */
export function canonicalWord(word: string): string {
  return canonicalByWord.get(word) ?? bodyPartByWord.get(word) ?? subjectByWord.get(word) ?? word;
}

/** The canonical body parts (as index terms are built from them) that members may ask about. */
export function bodyPartCanonicals(): string[] {
  return Object.keys(BODY_PART_GROUPS);
}

/** Every canonical subject a question may be about that the library may not cover: body parts and the subjects below. */
export function askedSubjectCanonicals(): string[] {
  return [...Object.keys(BODY_PART_GROUPS), ...Object.keys(SUBJECT_GROUPS)];
}

/** Words naming the muscle groups the library covers; a question naming one is about training that group. */
export const COVERED_GROUP_WORDS: readonly string[] = ['glute', 'hamstring', 'quad', 'calf', 'lat', 'trap', 'leg', 'back'];

/**
 * Body parts members ask about, folded like the synonym groups. A question about a body part the library never
 * makes a subject (no heading, title or topic names it) is not covered, even if the word appears in passing
 * ("chest-supported row" does not make the library cover chest training).
 */
export const BODY_PART_GROUPS: Readonly<Record<string, readonly string[]>> = {
  chest: ['chest', 'pecs', 'pec', 'pectorals', 'pectoral', 'benchpress'],
  bicep: ['bicep', 'biceps', 'bis', 'guns'],
  tricep: ['tricep', 'triceps', 'tris'],
  shoulder: ['shoulder', 'shoulders', 'delts', 'delt', 'deltoid', 'deltoids'],
  arm: ['arm', 'arms', 'forearm', 'forearms'],
  abs: ['abs', 'abdominals', 'abdominal', 'stomach', 'belly'],
  neck: ['neck'],
};

const bodyPartByWord: ReadonlyMap<string, string> = new Map(
  Object.entries(BODY_PART_GROUPS).flatMap(([canonical, words]) => words.map((word) => [word, canonical] as const)),
);

/**
 * Training subjects members ask about besides muscle groups, folded like the synonym groups. Like a body part, a
 * subject the library never makes its own (no heading, title or topic names it) is not covered, however well the rest
 * of the question matches: "does creatine help the pump" is about creatine. Phrase rules above produce the markers
 * (frequency, timeofday, fastedstate, fatloss).
 */
export const SUBJECT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  creatine: ['creatine', 'creatin', 'kre-alkalyn'],
  caffeine: ['caffeine', 'coffee', 'espresso', 'energy drink', 'monster', 'redbull'],
  aminoacid: ['bcaa', 'bcaas', 'eaa', 'eaas', 'glutamine', 'beta-alanine', 'alanine', 'ashwagandha', 'zma'],
  running: ['run', 'running', 'runs', 'runner', 'jogging', 'marathon', '5k', '10k', 'sprint', 'sprints', 'sprinting'],
  sport: ['football', 'soccer', 'basketball', 'tennis', 'golf', 'boxing', 'mma', 'crossfit', 'yoga', 'pilates', 'swimming', 'cycling'],
  dietstyle: ['keto', 'ketogenic', 'vegan', 'vegetarian', 'paleo', 'carnivore', 'macros', 'alcohol', 'beer', 'booze'],
  testosterone: ['testosterone', 'estrogen', 'oestrogen', 'cortisol'],
  breathing: ['breathe', 'breathing', 'breath', 'breaths', 'inhale', 'exhale', 'valsalva'],
  product: ['brand', 'brands', 'buy', 'price', 'prices', 'cheapest', 'discount', 'coupon'],
  frequency: ['frequency'],
  timeofday: ['timeofday'],
  fastedstate: ['fastedstate'],
  fatloss: ['fatloss'],
};

const subjectByWord: ReadonlyMap<string, string> = new Map(
  Object.entries(SUBJECT_GROUPS).flatMap(([canonical, words]) => words.map((word) => [word, canonical] as const)),
);

/** Every word the synonym map knows, for typo correction against members' slang. */
export function synonymWords(): string[] {
  return [...canonicalByWord.keys(), ...bodyPartByWord.keys(), ...subjectByWord.keys()].filter((word) => !word.includes(' '));
}
