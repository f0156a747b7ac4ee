/**
 * American Soundex, the phonetic code NCIC's own name search is built on: the first letter,
 * then three digits for the consonant groups that follow. Used by the III name search (QH)
 * to find candidates whose surname sounds like the one asked for (SMITH / SMYTHE -> S530).
 *
 * Rules (the National Archives' statement of Soundex):
 *  - letters are coded b f p v = 1; c g j k q s x z = 2; d t = 3; l = 4; m n = 5; r = 6;
 *  - a e i o u y are not coded but separate two equal codes (TYMCZAK: T-522);
 *  - h and w are not coded and do not separate (ASHCRAFT: A-261);
 *  - a code equal to the first letter's is dropped (PFISTER: P-236);
 *  - padded with zeros / cut to four characters.
 * Non-letters (blanks, hyphens, apostrophes in O'NEIL, DE LA CRUZ) are ignored.
 */

// Index by char code - 65 ('A'); 0 = vowel-like (separates), -1 = h/w (transparent).
const CODES: readonly number[] = [
  0, 1, 2, 3, 0, 1, 2, -1, 0, 2, 2, 4, 5, 5, 0, 1, 2, 6, 2, 3, 0, 1, -1, 2, 0, 2,
];

/** Soundex code of a name ("" when the name has no letter A-Z). */
export function soundex(name: string): string {
  let out = '';
  let last = -2;
  for (let i = 0; i < name.length && out.length < 4; i++) {
    let c = name.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) continue;
    const code = CODES[c - 65] ?? 0;
    if (out.length === 0) {
      out = String.fromCharCode(c);
      last = code;
      continue;
    }
    if (code === -1) continue;
    if (code === 0) {
      last = 0;
      continue;
    }
    if (code !== last) out += String(code);
    last = code;
  }
  if (out.length === 0) return '';
  return (out + '000').slice(0, 4);
}
