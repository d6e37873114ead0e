// Korean particles that depend on the word before them: 과/와, 은/는, 이/가, 으로/로.

/** True when the last Hangul syllable of a word ends in a consonant (has a 받침); undefined when not Hangul. */
function endsInConsonant(word: string): boolean | undefined {
  const last = word
    .trim()
    .replace(/[^\p{L}\p{N}]+$/u, '')
    .at(-1);
  if (!last) return undefined;
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0;
  if (/\d/.test(last)) return '013678'.includes(last); // 영, 일, 삼, 육, 칠, 팔 end in a consonant
  return undefined;
}

/** The word with the right particle: josa('북한', '과', '와') → '북한과'. Unknown endings get both: 'X과(와)'. */
export function josa(word: string, afterConsonant: string, afterVowel: string): string {
  const consonant = endsInConsonant(word);
  if (consonant === undefined) return `${word}${afterConsonant}(${afterVowel})`;
  return `${word}${consonant ? afterConsonant : afterVowel}`;
}
