/**
 * The Porter stemmer of the `stemmer` package (2.0.1, MIT, © 2014 Titus Wormer), with one change: each suffix regular
 * expression runs only when the word ends in a letter one of its suffixes ends in. Building the index stems every
 * distinct word of the library once (100,000 words at 10,000 passages), and most words fail most of the ten suffix
 * tests; a character check costs far less than the regex and its match array. tests/unit/porter-stemmer.test.ts holds
 * it to the package's output.
 */

const step2list: Readonly<Record<string, string>> = {
  ational: 'ate',
  tional: 'tion',
  enci: 'ence',
  anci: 'ance',
  izer: 'ize',
  bli: 'ble',
  alli: 'al',
  entli: 'ent',
  eli: 'e',
  ousli: 'ous',
  ization: 'ize',
  ation: 'ate',
  ator: 'ate',
  alism: 'al',
  iveness: 'ive',
  fulness: 'ful',
  ousness: 'ous',
  aliti: 'al',
  iviti: 'ive',
  biliti: 'ble',
  logi: 'log',
};

const step3list: Readonly<Record<string, string>> = {
  icate: 'ic',
  ative: '',
  alize: 'al',
  iciti: 'ic',
  ical: 'ic',
  ful: '',
  ness: '',
};

// Consonant-vowel sequences.
const consonant = '[^aeiou]';
const vowel = '[aeiouy]';
const consonants = '(' + consonant + '[^aeiouy]*)';
const vowels = '(' + vowel + '[aeiou]*)';

const gt0 = new RegExp('^' + consonants + '?' + vowels + consonants);
const eq1 = new RegExp('^' + consonants + '?' + vowels + consonants + vowels + '?$');
const gt1 = new RegExp('^' + consonants + '?(' + vowels + consonants + '){2,}');
const vowelInStem = new RegExp('^' + consonants + '?' + vowel);
const consonantLike = new RegExp('^' + consonants + vowel + '[^aeiouwxy]$');

// Exception expressions.
const sfxLl = /ll$/;
const sfxE = /^(.+?)e$/;
const sfxY = /^(.+?)y$/;
const sfxIon = /^(.+?(s|t))(ion)$/;
const sfxEdOrIng = /^(.+?)(ed|ing)$/;
const sfxAtOrBlOrIz = /(at|bl|iz)$/;
const sfxEED = /^(.+?)eed$/;
const sfxS = /^.+?[^s]s$/;
const sfxSsesOrIes = /^.+?(ss|i)es$/;
const sfxMultiConsonantLike = /([^aeiouylsz])\1$/;
const step2 = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
const step3 = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/;
const step4 = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;

// The last letters of each step's suffixes: a word ending otherwise cannot match that step's expression.
const STEP2_LAST = 'lirnms';
const STEP3_LAST = 'eils';
const STEP4_LAST = 'lerctumis';

/** The Porter stem of a word (lowercased first), exactly as the `stemmer` package gives it. */
export function stemmer(value: string): string {
  let result = String(value).toLowerCase();

  // Exit early.
  if (result.length < 3) return result;

  let firstCharacterWasLowerCaseY = false;

  // Detect initial `y`, make sure it never matches.
  if (result.codePointAt(0) === 121) {
    firstCharacterWasLowerCaseY = true;
    result = 'Y' + result.slice(1);
  }

  // Step 1a.
  if (result.endsWith('es') && sfxSsesOrIes.test(result)) {
    result = result.slice(0, -2);
  } else if (result.endsWith('s') && sfxS.test(result)) {
    result = result.slice(0, -1);
  }

  let match: RegExpExecArray | null;

  // Step 1b.
  if (result.endsWith('eed') && (match = sfxEED.exec(result))) {
    if (gt0.test(match[1] as string)) result = result.slice(0, -1);
  } else if ((result.endsWith('ed') || result.endsWith('ing')) && (match = sfxEdOrIng.exec(result)) && vowelInStem.test(match[1] as string)) {
    result = match[1] as string;
    if (sfxAtOrBlOrIz.test(result)) {
      result += 'e';
    } else if (sfxMultiConsonantLike.test(result)) {
      result = result.slice(0, -1);
    } else if (consonantLike.test(result)) {
      result += 'e';
    }
  }

  // Step 1c.
  if (result.endsWith('y') && (match = sfxY.exec(result)) && vowelInStem.test(match[1] as string)) {
    result = match[1] + 'i';
  }

  // Step 2.
  if (STEP2_LAST.includes(result.charAt(result.length - 1)) && (match = step2.exec(result)) && gt0.test(match[1] as string)) {
    result = (match[1] as string) + step2list[match[2] as string];
  }

  // Step 3.
  if (STEP3_LAST.includes(result.charAt(result.length - 1)) && (match = step3.exec(result)) && gt0.test(match[1] as string)) {
    result = (match[1] as string) + step3list[match[2] as string];
  }

  // Step 4.
  if (STEP4_LAST.includes(result.charAt(result.length - 1)) && (match = step4.exec(result))) {
    if (gt1.test(match[1] as string)) result = match[1] as string;
  } else if (result.endsWith('ion') && (match = sfxIon.exec(result)) && gt1.test(match[1] as string)) {
    result = match[1] as string;
  }

  // Step 5.
  if (result.endsWith('e') && (match = sfxE.exec(result)) && (gt1.test(match[1] as string) || (eq1.test(match[1] as string) && !consonantLike.test(match[1] as string)))) {
    result = match[1] as string;
  }

  if (result.endsWith('ll') && sfxLl.test(result) && gt1.test(result)) result = result.slice(0, -1);

  // Turn initial `Y` back to `y`.
  if (firstCharacterWasLowerCaseY) result = 'y' + result.slice(1);

  return result;
}
