//! Vietnamese text: NFC normalisation, diacritic folding for search, and slugs.
//!
//! Everything that enters the store goes through [`nfc`], because Vietnamese
//! typed on macOS, pasted from Word or read from old files arrives in NFD or
//! mixed forms, and two spellings of the same word must compare equal.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

/// Returns `s` in Unicode Normalization Form C.
pub fn nfc(s: &str) -> String {
    if unicode_normalization::is_nfc(s) {
        s.to_owned()
    } else {
        s.nfc().collect()
    }
}

/// NFC plus trimming, for single-line fields (titles, names, tags).
pub fn clean_line(s: &str) -> String {
    nfc(s.trim())
}

/// Folds Vietnamese (and other Latin) text to lower-case ASCII-ish letters:
/// tone marks and vowel marks removed, `đ` → `d`.
///
/// Folding after NFD makes both tone-placement styles (`hóa`/`hoá`,
/// `thủy`/`thuỷ`) and vowels that carry two marks (`ể`, `ộ`) collapse to the
/// same letters, which SQLite's own tokenizer does not do for `đ`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // Most letters of Vietnamese text are plain ASCII: the export folds
        // every title and sapo of a site, so these skip the decomposition.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        // Each letter decomposed on its own gives what NFD of the whole
        // text gives once the marks are dropped: NFD only reorders marks.
        decompose_canonical(c, |d| {
            if is_combining_mark(d) {
                return;
            }
            match d {
                'đ' | 'Đ' => out.push('d'),
                _ => out.extend(d.to_lowercase()),
            }
        });
    }
    out
}

/// The initial consonants of Vietnamese syllables, folded (`đ` is `d`).
/// `qu` counts as one: in *quý* the `u` belongs to the initial, so its `y`
/// is the whole rhyme, as in *kỹ*.
pub(crate) const INITIALS: [&str; 26] = [
    "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p",
    "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];

/// Whether a folded word is a syllable whose rhyme is a lone `y` after an
/// initial consonant (*kỹ*, *lý*, *quý*, *sỹ*, *tỷ*): the syllables that
/// Vietnamese also spells with `i` (*kĩ*, *lí*, *quí*, *sĩ*, *tỉ*). A `y`
/// that starts a syllable (*yêu*, *y tế*) or follows a vowel (*thủy*, *tuy*,
/// *huy*) is not such a spelling and is left alone.
pub fn is_y_variant(word: &str) -> bool {
    word.strip_suffix('y')
        .is_some_and(|initial| INITIALS.contains(&initial))
}

/// [`fold`], then the two spellings of the i/y syllables made one (*kỹ* and
/// *kĩ* both give `ki`): what the search index holds and what queries are
/// compared with. Slugs keep plain [`fold`], so existing addresses never
/// change.
pub fn search_fold(s: &str) -> String {
    let mut folded = fold(s);
    // Words are runs of letters and digits, as in `words`, so that the index
    // and the query cut them alike.
    let mut ys = Vec::new();
    let mut start = None;
    let end = std::iter::once((folded.len(), ' '));
    for (i, c) in folded.char_indices().chain(end) {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(from) = start.take() {
            if is_y_variant(&folded[from..i]) {
                ys.push(i - 1);
            }
        }
    }
    for at in ys {
        folded.replace_range(at..at + 1, "i");
    }
    folded
}

/// The plain folded form of `piece` when its last word ends in a bare `y`
/// that [`search_fold`] spells `i`: a word still being typed (`quy`) may be
/// the start of a longer one (`quyết`), which the `i` spelling would miss.
/// `quý`, typed with its tone, is a whole syllable and gets none.
pub fn y_prefix_form(piece: &str) -> Option<String> {
    let lower = nfc(piece).to_lowercase();
    let last = words(&lower).last()?;
    if !last.ends_with('y') {
        return None;
    }
    let plain = fold(piece);
    (plain != search_fold(piece)).then_some(plain)
}

/// Makes a URL slug from a (Vietnamese) title: folded, ASCII letters and
/// digits, words joined by `-`. Returns `"bai-viet"` when nothing is left.
pub fn slugify(title: &str) -> String {
    let folded = fold(title);
    let mut slug = String::with_capacity(folded.len());
    let mut pending_dash = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(c);
        } else {
            pending_dash = true;
        }
    }
    // Long Vietnamese titles make unwieldy URLs; cut at a word boundary.
    const MAX: usize = 80;
    if slug.len() > MAX {
        let cut = slug[..MAX].rfind('-').unwrap_or(MAX);
        slug.truncate(cut);
    }
    if slug.is_empty() {
        return "bai-viet".to_owned();
    }
    // `con.html`, `nul.html`: files Windows can neither make nor open.
    if crate::names::is_reserved_on_windows(&slug) {
        slug.push_str("-1");
    }
    slug
}

/// Splits text into search words: runs of letters and digits, everything
/// else is a separator. Used for both indexing and queries so that they agree.
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_letter_by_letter_equals_folding_the_decomposed_text() {
        let whole = |s: &str| -> String {
            s.nfd()
                .filter(|c| !is_combining_mark(*c))
                .flat_map(|c| match c {
                    'đ' | 'Đ' => vec!['d'],
                    _ => c.to_lowercase().collect(),
                })
                .collect()
        };
        let vowels = "aăâeêioôơuưy";
        let mut letters = String::from("đĐ bcdghklmnpqrstvx");
        for v in vowels.chars() {
            for tone in ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"] {
                letters.push_str(&format!("{v}{tone} "));
            }
        }
        let texts = [
            nfc(&letters),
            nfc(&letters).to_uppercase(),
            letters.nfd().collect(),
            "Hoá hòa THUỶ thủy Ngữ-văn Ĕ ǅ ß ﬁ Ω 한국 ١٢".to_owned(),
        ];
        for text in texts {
            assert_eq!(fold(&text), whole(&text), "{text}");
        }
    }

    #[test]
    fn fold_table() {
        let cases = [
            ("Hóa", "hoa"),
            ("hoá", "hoa"),
            ("thủy", "thuy"),
            ("thuỷ", "thuy"),
            ("Đường Điện Biên", "duong dien bien"),
            ("Thể thao", "the thao"),
            ("Bộ Chính trị", "bo chinh tri"),
            ("Mường Khương", "muong khuong"),
            ("NGHỊ QUYẾT", "nghi quyet"),
            ("ưu tiên", "uu tien"),
            ("ăn ắn ằn ẳn ẵn ặn", "an an an an an an"),
            ("âấầẩẫậ êếềểễệ ôốồổỗộ ơớờởỡợ", "aaaaaa eeeeee oooooo oooooo"),
            ("ý ỳ ỷ ỹ ỵ", "y y y y y"),
            ("11-NQ/TW", "11-nq/tw"),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "fold({input:?})");
            let nfd: String = input.nfd().collect();
            assert_eq!(fold(&nfd), want, "fold of NFD {input:?}");
        }
    }

    #[test]
    fn i_and_y_spellings_of_a_syllable_fold_together() {
        let same = [
            ("kỹ thuật", "kĩ thuật"),
            ("Kỹ Thuật", "ki thuat"),
            ("lý do", "lí do"),
            ("quý", "quí"),
            ("Quý II", "qui ii"),
            ("mỹ thuật", "mĩ thuật"),
            ("bác sỹ", "bác sĩ"),
            ("tỷ lệ", "tỉ lệ"),
            ("kỷ niệm", "kỉ niệm"),
            ("hy vọng", "hi vọng"),
            ("Lý Sơn", "Lí Sơn"),
            ("“Kỹ” thuật", "“kĩ” thuật"),
        ];
        for (a, b) in same {
            assert_eq!(search_fold(a), search_fold(b), "{a:?} and {b:?}");
            let nfd: String = a.nfd().collect();
            assert_eq!(search_fold(&nfd), search_fold(b), "NFD {a:?}");
        }
        // A `y` that starts a syllable or follows a vowel is no variant.
        let untouched = [
            ("yêu", "yeu"),
            ("y tế", "y te"),
            ("Ý kiến", "y kien"),
            ("thủy lợi", "thuy loi"),
            ("thuỷ", "thuy"),
            ("tuy nhiên", "tuy nhien"),
            ("huy động", "huy dong"),
            ("Nguyễn Văn Huy", "nguyen van huy"),
            ("Quỳnh Nhai", "quynh nhai"),
            ("quyết định", "quyet dinh"),
            ("khuya", "khuya"),
            ("Yên Bái", "yen bai"),
            ("hủi", "hui"),
            ("tay máy", "tay may"),
            ("Sky 11-NQ/TW 2y", "sky 11-nq/tw 2y"),
        ];
        for (text, want) in untouched {
            assert_eq!(search_fold(text), want, "search_fold({text:?})");
        }
        assert_ne!(search_fold("huy"), search_fold("hui"));
        assert_ne!(search_fold("thủy"), search_fold("thủi"));
        // Slugs keep the spelling the title has.
        assert_eq!(slugify("Kỹ thuật"), "ky-thuat");
    }

    #[test]
    fn nfc_composes_decomposed_vietnamese() {
        let nfd: String = "Trung tâm Văn hóa".nfd().collect();
        assert_ne!(nfd, "Trung tâm Văn hóa");
        assert_eq!(nfc(&nfd), "Trung tâm Văn hóa");
        assert_eq!(clean_line("  Kim Huệ \n"), "Kim Huệ");
    }

    #[test]
    fn slug_table() {
        let cases = [
            (
                "Mường Khương: Nghiêm túc học tập Nghị quyết 11-NQ/TW",
                "muong-khuong-nghiem-tuc-hoc-tap-nghi-quyet-11-nq-tw",
            ),
            ("Đường về Bản Lầu", "duong-ve-ban-lau"),
            ("  ...Khai mạc!!  Giải bóng đá  ", "khai-mac-giai-bong-da"),
            ("Thủy lợi & thuỷ điện", "thuy-loi-thuy-dien"),
            ("“Ngày hội” văn hóa — 2026", "ngay-hoi-van-hoa-2026"),
            ("!!!", "bai-viet"),
            ("", "bai-viet"),
            ("CON", "con-1"),
            ("Nul", "nul-1"),
            ("COM1", "com1-1"),
            ("LPT 1", "lpt-1"),
        ];
        for (title, want) in cases {
            assert_eq!(slugify(title), want, "slugify({title:?})");
            let nfd: String = title.nfd().collect();
            assert_eq!(slugify(&nfd), want, "slugify of NFD {title:?}");
        }
    }

    #[test]
    fn long_slug_is_cut_at_a_word() {
        let title = "Nghị quyết về phương hướng phát triển kinh tế xã hội bảo đảm quốc phòng an ninh vùng trung du và miền núi Bắc Bộ";
        let slug = slugify(title);
        assert!(slug.len() <= 80, "{slug}");
        assert!(!slug.ends_with('-'));
        assert!(slug.starts_with("nghi-quyet-ve-phuong-huong"));
    }

    #[test]
    fn words_split_on_punctuation() {
        let w: Vec<_> = words("Nghị quyết 11-NQ/TW, \"hóa\" NEAR(a*").collect();
        assert_eq!(w, ["Nghị", "quyết", "11", "NQ", "TW", "hóa", "NEAR", "a"]);
    }
}
