/**
 * NYSIIS, the phonetic name code of the New York State Identification and Intelligence
 * System (R. L. Taft, 1970), written for criminal-justice name searches. The audit's subject
 * keys use it for "who looked up someone whose name sounds like this": unlike Soundex, which
 * keeps the first letter as typed (KORVALE K614, CORVALE C614), NYSIIS rewrites a leading K as
 * C, KN as NN, PH and PF as FF, MAC as MCC and SCH as SSS, so spellings that differ in their
 * first letter still meet (KORVALE and CORVALE are both CARVAL).
 *
 * The rules, as commonly stated (the key is not cut to six characters here):
 *  1. leading MAC -> MCC, KN -> NN, K -> C, PH and PF -> FF, SCH -> SSS;
 *  2. trailing EE and IE -> Y; DT, RT, RD, NT and ND -> D;
 *  3. the key starts with the first letter;
 *  4. each later letter, rewritten in the name as it goes: EV -> AF, other vowels -> A;
 *     Q -> G, Z -> S, M -> N; KN -> N, else K -> C; SCH -> SSS; PH -> FF; H -> the letter
 *     before it when the letter before or after is not a vowel; W -> the letter before it
 *     when that is a vowel; the letter is added to the key unless it repeats the key's last;
 *  5. a trailing S is dropped, a trailing AY becomes Y, then a trailing A is dropped.
 * Anything but the letters A-Z (blanks, hyphens, apostrophes) is ignored first.
 */

function isVowel(letter: string | undefined): boolean {
  return letter === 'A' || letter === 'E' || letter === 'I' || letter === 'O' || letter === 'U';
}

const NON_LETTERS = /[^A-Z]/g;
const HARD_ENDINGS = ['DT', 'RT', 'RD', 'NT', 'ND'] as const;

/** The NYSIIS code of a name ('' when it has no letter A-Z). */
export function nysiis(name: string): string {
  let word = name.toUpperCase().replace(NON_LETTERS, '');
  if (word === '') return '';
  if (word.startsWith('MAC')) word = `MCC${word.slice(3)}`;
  else if (word.startsWith('KN')) word = `NN${word.slice(2)}`;
  else if (word.startsWith('K')) word = `C${word.slice(1)}`;
  else if (word.startsWith('PH') || word.startsWith('PF')) word = `FF${word.slice(2)}`;
  else if (word.startsWith('SCH')) word = `SSS${word.slice(3)}`;
  if (word.length > 2 && (word.endsWith('EE') || word.endsWith('IE'))) word = `${word.slice(0, -2)}Y`;
  else if (word.length > 2 && HARD_ENDINGS.some((ending) => word.endsWith(ending))) word = `${word.slice(0, -2)}D`;

  const letters = word.split('');
  let key = letters[0] ?? '';
  for (let index = 1; index < letters.length; index++) {
    const letter = letters[index];
    const next = letters[index + 1];
    if (isVowel(letter)) {
      if (letter === 'E' && next === 'V') {
        letters[index] = 'A';
        letters[index + 1] = 'F';
      } else {
        letters[index] = 'A';
      }
    } else if (letter === 'Q') letters[index] = 'G';
    else if (letter === 'Z') letters[index] = 'S';
    else if (letter === 'M') letters[index] = 'N';
    else if (letter === 'K') letters[index] = next === 'N' ? 'N' : 'C';
    else if (letter === 'S' && next === 'C' && letters[index + 2] === 'H') {
      letters[index + 1] = 'S';
      letters[index + 2] = 'S';
    } else if (letter === 'P' && next === 'H') {
      letters[index] = 'F';
      letters[index + 1] = 'F';
    } else if (letter === 'H' && (!isVowel(letters[index - 1]) || !isVowel(next))) {
      letters[index] = letters[index - 1] ?? 'H';
    } else if (letter === 'W' && isVowel(letters[index - 1])) {
      letters[index] = letters[index - 1] ?? 'W';
    }
    const coded = letters[index] ?? '';
    if (coded !== key[key.length - 1]) key += coded;
  }
  if (key.length > 1 && key.endsWith('S')) key = key.slice(0, -1);
  if (key.length > 2 && key.endsWith('AY')) key = `${key.slice(0, -2)}Y`;
  if (key.length > 1 && key.endsWith('A')) key = key.slice(0, -1);
  return key;
}
