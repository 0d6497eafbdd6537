//! Vietnamese typed with the input method off.
//!
//! Clerks type with Unikey; when it is off, or set to the wrong method, the
//! search box receives the raw keys: Telex `hooij` for *hội*, VNI `ho6i5`,
//! VIQR `ho^.i`. [`decode_word`] turns such a word back into the syllable it
//! spells, and only when it spells one (initial + rhyme + a tone the rhyme
//! can take), so English words and codes (`covid`, `UBND`, `11-NQ/TW`) stay
//! as typed.

use unicode_normalization::UnicodeNormalization;

use crate::text::nfc;

/// The rhymes of Vietnamese syllables, without tone. A `y…` rhyme only
/// starts a syllable (*yên*) or follows `qu` (*quyết*); a lone `y` after a
/// consonant is the *kỹ* spelling.
const RHYMES: &[&str] = &[
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", //
    "ăc", "ăm", "ăn", "ăng", "ăp", "ăt", //
    "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây", //
    "e", "ec", "em", "en", "eng", "eo", "ep", "et", //
    "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu", //
    "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu", //
    "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu", //
    "o", "oc", "oi", "om", "on", "ong", "op", "ot", "ooc", "oong", //
    "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay", //
    "oăc", "oăm", "oăn", "oăng", "oăt", "oe", "oen", "oeo", "oet", //
    "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", //
    "ơ", "ơi", "ơm", "ơn", "ơp", "ơt", //
    "u", "ua", "uc", "ui", "um", "un", "ung", "up", "ut", //
    "uân", "uâng", "uât", "uây", "uê", "uêch", "uênh", "uơ", //
    "uôc", "uôi", "uôm", "uôn", "uông", "uôt", //
    "uy", "uya", "uych", "uyên", "uyêt", "uynh", "uyt", "uyu", //
    "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt", "ưu", //
    "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu", //
    "y", "yêm", "yên", "yêng", "yêt", "yêu",
];

/// Combining marks of the five tones: sắc, huyền, hỏi, ngã, nặng.
const TONES: [char; 5] = ['\u{301}', '\u{300}', '\u{309}', '\u{303}', '\u{323}'];

fn is_vowel(c: char) -> bool {
    "aăâeêioôơuưy".contains(c)
}

/// What one key does besides adding its letter.
enum Key {
    Letter(char),
    /// Tone 0..5 in the order of [`TONES`].
    Tone(usize),
    /// `â ê ô`; `Some(c)` only on that vowel (Telex `aa`), `None` on any.
    Hat(Option<char>),
    /// `ư ơ` (and `ă` after `a`, as Telex `w` does).
    Horn,
    Breve,
    /// `đ`, on a `d` typed before.
    Stroke,
}

/// Letters and tone as the keys build them; `None` when a key has nothing
/// to act on, which no real Vietnamese word typed that way gives.
struct Spelling {
    letters: Vec<char>,
    tone: Option<usize>,
    keys_used: bool,
}

impl Spelling {
    fn new() -> Self {
        Spelling {
            letters: Vec::new(),
            tone: None,
            keys_used: false,
        }
    }

    fn has_vowel(&self) -> bool {
        self.letters.iter().any(|&c| is_vowel(c))
    }

    /// The positions of the last run of vowels: the vowels a mark may go on.
    fn vowel_run(&self) -> std::ops::Range<usize> {
        let end = match self.letters.iter().rposition(|&c| is_vowel(c)) {
            Some(i) => i + 1,
            None => return 0..0,
        };
        let start = self.letters[..end]
            .iter()
            .rposition(|&c| !is_vowel(c))
            .map_or(0, |i| i + 1);
        start..end
    }

    fn apply(&mut self, key: Key) -> Option<()> {
        let run = self.vowel_run();
        match key {
            Key::Letter(c) => self.letters.push(c),
            Key::Tone(t) => {
                // A second tone key is not a typing slip Unikey would take.
                if !self.has_vowel() || self.tone.is_some() {
                    return None;
                }
                self.tone = Some(t);
            }
            Key::Hat(on) => {
                let i = run.rev().find(|&i| {
                    let c = self.letters[i];
                    on.map_or("aeo".contains(c), |v| v == c)
                })?;
                self.letters[i] = match self.letters[i] {
                    'a' => 'â',
                    'e' => 'ê',
                    _ => 'ô',
                };
            }
            Key::Horn => {
                let vowels = &self.letters[run.clone()];
                // `uo` takes the horn on both letters: *đường*, *người*.
                if let Some(k) = vowels
                    .windows(2)
                    .position(|w| matches!(w, ['u' | 'ư', 'o' | 'ơ']))
                {
                    self.letters[run.start + k] = 'ư';
                    self.letters[run.start + k + 1] = 'ơ';
                } else {
                    let i = run.rev().find(|&i| matches!(self.letters[i], 'u' | 'o'))?;
                    self.letters[i] = if self.letters[i] == 'u' { 'ư' } else { 'ơ' };
                }
            }
            Key::Breve => {
                let i = run.rev().find(|&i| self.letters[i] == 'a')?;
                self.letters[i] = 'ă';
            }
            Key::Stroke => {
                if self.letters.first() != Some(&'d') {
                    return None;
                }
                self.letters[0] = 'đ';
            }
        }
        if !matches!(key, Key::Letter(_)) {
            self.keys_used = true;
        }
        Some(())
    }
}

/// Telex: `aa ee oo` hat, `aw ow uw` horn or breve (`w` alone is `ư`),
/// `dd` stroke, `s f r x j` the tones once a vowel is typed.
fn telex(word: &str) -> Option<Spelling> {
    let mut s = Spelling::new();
    for c in word.chars() {
        let key = match c {
            's' | 'f' | 'r' | 'x' | 'j' if s.has_vowel() => {
                Key::Tone("sfrxj".find(c).unwrap_or_default())
            }
            'a' | 'e' | 'o' if s.letters[s.vowel_run()].contains(&c) => Key::Hat(Some(c)),
            'w' if !s.has_vowel() => {
                s.keys_used = true;
                Key::Letter('ư')
            }
            'w' => {
                let run = s.vowel_run();
                if s.letters[run].iter().any(|&v| matches!(v, 'u' | 'o')) {
                    Key::Horn
                } else {
                    Key::Breve
                }
            }
            'd' if s.letters == ['d'] => Key::Stroke,
            'a'..='z' => Key::Letter(c),
            _ => return None,
        };
        s.apply(key)?;
    }
    Some(s)
}

/// VNI: digits after the letters, `1`–`5` the tones, `6` hat, `7` horn,
/// `8` breve, `9` stroke.
fn vni(word: &str) -> Option<Spelling> {
    let mut s = Spelling::new();
    for c in word.chars() {
        let key = match c {
            '1'..='5' => Key::Tone(c as usize - '1' as usize),
            '6' => Key::Hat(None),
            '7' => Key::Horn,
            '8' => Key::Breve,
            '9' => Key::Stroke,
            'a'..='z' => Key::Letter(c),
            _ => return None,
        };
        s.apply(key)?;
    }
    Some(s)
}

/// VIQR: `' \` ? ~ .` the tones, `^` hat, `+` horn, `(` breve, `dd` stroke.
fn viqr(word: &str) -> Option<Spelling> {
    let mut s = Spelling::new();
    for c in word.chars() {
        let key = match c {
            '\'' | '`' | '?' | '~' | '.' => Key::Tone("'`?~.".find(c).unwrap_or_default()),
            '^' => Key::Hat(None),
            '+' => Key::Horn,
            '(' => Key::Breve,
            'd' if s.letters == ['d'] => Key::Stroke,
            'a'..='z' => Key::Letter(c),
            _ => return None,
        };
        s.apply(key)?;
    }
    Some(s)
}

/// Whether `initial` + `rhyme` is a Vietnamese syllable (without its tone).
fn valid(initial: &str, rhyme: &str) -> bool {
    let known = |r: &str| RHYMES.contains(&r);
    let front = rhyme.chars().next();
    match initial {
        "" => known(rhyme),
        // The `u` of `qu` is the rhyme's own: *quốc* is *u* + *ôc*.
        "qu" => !rhyme.is_empty() && (known(rhyme) || known(&format!("u{rhyme}"))),
        // *k*, *gh*, *ngh* are spelled only before i, e, ê (and the *y* of
        // *kỹ*); *c*, *g*, *ng* everywhere else.
        "k" | "gh" | "ngh" => {
            matches!(front, Some('i' | 'e' | 'ê' | 'y')) && known(rhyme) && !rhyme.starts_with("yê")
        }
        "c" | "g" | "ng" => !matches!(front, Some('i' | 'e' | 'ê' | 'y')) && known(rhyme),
        _ => {
            (crate::text::INITIALS.contains(&initial) || initial == "đ")
                && known(rhyme)
                && !rhyme.starts_with("yê")
        }
    }
}

/// Where the tone goes in a rhyme, the way Unikey places it by default
/// (*hòa*, *thủy*): on the marked vowel (the second of `ươ`), else on the
/// last vowel before a final consonant, else on the first of two vowels or
/// the middle of three.
fn tone_at(rhyme: &[char]) -> usize {
    let vowels = rhyme.iter().take_while(|&&c| is_vowel(c)).count();
    if let Some(i) = rhyme[..vowels].iter().rposition(|c| "ăâêôơư".contains(*c)) {
        return i;
    }
    match (vowels, rhyme.len() > vowels) {
        (n, true) => n - 1,
        (3, false) => 1,
        _ => 0,
    }
}

/// The syllable a spelling makes, NFC, if it is one.
fn syllable(s: &Spelling) -> Option<String> {
    let letters = &s.letters;
    let consonants = letters.iter().take_while(|&&c| !is_vowel(c)).count();
    let head: String = letters[..consonants].iter().collect();
    let after = |i: usize| letters.get(i).copied();
    // Where the rhyme starts, and the initial it is checked against: `qu`
    // and `gi` end in a vowel letter, and in *gì*, *gìn* the `i` of `gi` is
    // the rhyme's too.
    let mut splits: Vec<(usize, String)> = Vec::new();
    match (head.as_str(), after(consonants)) {
        ("q", Some('u')) => splits.push((consonants + 1, "qu".into())),
        ("g", Some('i')) if after(consonants + 1).is_some_and(is_vowel) => {
            splits.push((consonants + 1, "gi".into()));
        }
        ("g", Some('i')) => splits.push((consonants, "gi".into())),
        _ => {}
    }
    splits.push((consonants, head.clone()));
    for (start, initial) in splits {
        let rhyme = &letters[start..];
        let rhyme_text: String = rhyme.iter().collect();
        if !valid(&initial, &rhyme_text) {
            continue;
        }
        // A rhyme closed by p, t, c, ch takes only sắc or nặng.
        let stop = rhyme_text.ends_with(['p', 't', 'c']) || rhyme_text.ends_with("ch");
        if stop && !matches!(s.tone, Some(0 | 4)) {
            continue;
        }
        let at = start + tone_at(rhyme);
        let mut out = String::new();
        for (i, c) in letters.iter().enumerate() {
            out.push(*c);
            if i == at {
                if let Some(t) = s.tone {
                    out.push(TONES[t]);
                }
            }
        }
        return Some(out.nfc().collect());
    }
    None
}

/// The syllable `word` spells when typed as raw Telex, VNI or VIQR keys, or
/// `None` when it spells none or holds no key (a plain word needs no
/// decoding). `word` is one space-separated piece of a query. A capital
/// first letter is kept; a word in capitals is taken for an abbreviation
/// (`UBND`, `TW`) and left alone.
pub fn decode_word(word: &str) -> Option<String> {
    let word = nfc(word);
    if !word.is_ascii() || !word.chars().any(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let letters = word.chars().filter(|c| c.is_ascii_alphabetic()).count();
    if letters > 1 && !word.chars().any(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let spelling = if lower.chars().all(|c| c.is_ascii_lowercase()) {
        telex(&lower)
    } else if lower.chars().all(|c| c.is_ascii_alphanumeric()) {
        vni(&lower)
    } else if viqr_marks_inside(&lower) {
        viqr(&lower)
    } else {
        None
    }?;
    if !spelling.keys_used {
        return None;
    }
    let decoded = syllable(&spelling)?;
    Some(if word.starts_with(|c: char| c.is_ascii_uppercase()) {
        let mut chars = decoded.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        decoded
    })
}

/// The same syllable with its tone in the other placement style, for the
/// open rhymes `oa`, `oe`, `uy` where the styles differ: *hòa* ↔ *hoà*,
/// *thủy* ↔ *thuỷ*. `None` for any other word (*quý*, *hoàn*, *hội*).
pub fn other_tone_style(syllable: &str) -> Option<String> {
    let chars: Vec<char> = syllable.nfd().collect();
    let is_tone = |c: char| TONES.contains(&c);
    let pair = |a: char, b: char| {
        matches!(
            (a.to_ascii_lowercase(), b.to_ascii_lowercase()),
            ('o', 'a' | 'e') | ('u', 'y')
        )
    };
    let n = chars.len();
    // `qu` is an initial: in *quý* the tone is on the rhyme's only vowel.
    let after_q = |i: usize| i > 0 && chars[i - 1].eq_ignore_ascii_case(&'q');
    let mut out = chars.clone();
    match chars.as_slice() {
        // Old style, tone on the first vowel: move it after the second.
        [.., a, t, b] if is_tone(*t) && pair(*a, *b) && !after_q(n - 3) => {
            out.swap(n - 2, n - 1);
        }
        // New style, tone on the second: move it after the first.
        [.., a, b, t] if is_tone(*t) && pair(*a, *b) && !after_q(n - 3) => {
            out.swap(n - 2, n - 1);
        }
        _ => return None,
    }
    Some(out.into_iter().nfc().collect())
}

/// A word ending in `.` or `?` is more likely a sentence's end than VIQR;
/// it counts only with a mark no sentence has (`^ ( + ~ ' \``) or one
/// inside the word.
fn viqr_marks_inside(word: &str) -> bool {
    let body = word.trim_end_matches(['.', '?']);
    body.contains(['^', '(', '+', '~', '\'', '`', '.', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_other_tone_style_of_oa_oe_uy() {
        let cases = [
            ("hòa", Some("hoà")),
            ("hoà", Some("hòa")),
            ("Thủy", Some("Thuỷ")),
            ("khỏe", Some("khoẻ")),
            ("quý", None),
            ("hoàn", None),
            ("hội", None),
            ("hoa", None),
        ];
        for (word, want) in cases {
            assert_eq!(other_tone_style(word).as_deref(), want, "{word}");
        }
    }

    #[test]
    fn telex_vni_and_viqr_table() {
        let cases: &[(&str, Option<&str>)] = &[
            // Telex
            ("hooij", Some("hội")),
            ("nghij", Some("nghị")),
            ("dduwowngf", Some("đường")),
            ("dduongwf", Some("đường")),
            ("nguwowif", Some("người")),
            ("tieengs", Some("tiếng")),
            ("vieetj", Some("việt")),
            ("Vieetj", Some("Việt")),
            ("kyx", Some("kỹ")),
            ("thuaatj", Some("thuật")),
            ("quys", Some("quý")),
            ("quyeets", Some("quyết")),
            ("hoaf", Some("hòa")),
            ("thuyr", Some("thủy")),
            ("giuwax", Some("giữa")),
            ("gif", Some("gì")),
            ("nawm", Some("năm")),
            ("tw", Some("tư")),
            ("khoong", Some("không")),
            ("ddi", Some("đi")),
            // VNI
            ("ho6i5", Some("hội")),
            ("nghi5", Some("nghị")),
            ("d9u7o72ng", Some("đường")),
            ("d9uo7ng2", Some("đường")),
            ("ky4", Some("kỹ")),
            ("na8m", Some("năm")),
            ("vie6t5", Some("việt")),
            // VIQR
            ("ho^.i", Some("hội")),
            ("ddu+o+`ng", Some("đường")),
            ("vie^.t", Some("việt")),
            // Ambiguous: real English that also spells a syllable. Search
            // decodes these only when the word itself is not in the index.
            ("as", Some("á")),
            ("tax", Some("tã")),
            // Not Vietnamese, or plain words with no key in them.
            ("covid", None),
            ("UBND", None),
            ("TW", None),
            ("11-NQ/TW", None),
            ("hoi", None),
            ("nghi", None),
            ("chess", None),
            ("cars", None),
            ("wifi", None),
            ("email", None),
            ("facebook", None),
            ("zalo", None),
            ("ka", None),
            ("cis", None),
            ("tacs", Some("tác")),
            ("tacf", None),
            ("covid19", None),
            ("2024", None),
            ("nghi.", None),
            ("what?", None),
            ("hội", None),
            ("", None),
        ];
        for (typed, want) in cases {
            assert_eq!(
                decode_word(typed).as_deref(),
                *want,
                "decode_word({typed:?})"
            );
        }
    }
}
