//! Names that become paths. A slug, a photo's hash, a key in the export's
//! manifest or a theme's include all come, in the end, from a file someone
//! else may have made (a `site.db` from a USB stick, an export folder, a
//! theme from the province). [`RelPath`] is the only way such a name reaches
//! the file layer (`files.rs`): it cannot hold `..`, an absolute path, a
//! drive letter, a separator inside a name, a name Windows refuses (`CON`,
//! `nul.html`, `COM1`…) or one ending in a dot or a space (which Windows
//! silently drops, so two names would be one file).

use std::fmt;

use crate::error::{Error, Result, UnsafeReason};

/// Longest path we make or accept, in bytes: short enough that a site
/// folder a few levels deep stays under Windows' classic 260-character limit.
pub const MAX_REL_PATH: usize = 200;
const MAX_NAME: usize = 120;
const MAX_DEPTH: usize = 8;

/// A relative path of one or more checked names, joined with `/`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelPath(String);

impl RelPath {
    /// Checks `text` as a relative path; the error names what is wrong.
    pub fn parse(text: &str) -> Result<RelPath> {
        let refuse = |why: &str| {
            Err(Error::Unsafe {
                path: text.into(),
                reason: UnsafeReason::BadName(why.to_owned()),
            })
        };
        if text.is_empty() {
            return refuse("empty");
        }
        if text.len() > MAX_REL_PATH {
            return refuse("too long");
        }
        let names: Vec<&str> = text.split('/').collect();
        if names.len() > MAX_DEPTH {
            return refuse("too many folders");
        }
        for name in names {
            if let Some(why) = name_problem(name) {
                return refuse(why);
            }
        }
        Ok(RelPath(text.to_owned()))
    }

    /// One name, no folder.
    pub fn name(text: &str) -> Result<RelPath> {
        if text.contains('/') {
            return Err(Error::Unsafe {
                path: text.into(),
                reason: UnsafeReason::BadName("a folder in a file name".into()),
            });
        }
        RelPath::parse(text)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `folder/…/` and the last name.
    pub fn split_last(&self) -> (Option<&str>, &str) {
        match self.0.rsplit_once('/') {
            Some((dir, name)) => (Some(dir), name),
            None => (None, &self.0),
        }
    }

    pub fn join(&self, name: &str) -> Result<RelPath> {
        RelPath::parse(&format!("{}/{name}", self.0))
    }
}

impl fmt::Display for RelPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why `name` cannot be one name of a path, if it cannot.
fn name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("an empty name");
    }
    if name == "." || name == ".." {
        return Some("'.' or '..'");
    }
    if name.len() > MAX_NAME {
        return Some("a name too long");
    }
    if name
        .chars()
        .any(|c| c.is_control() || matches!(c, '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
    {
        return Some("a character Windows refuses (\\ : * ? \" < > | or a control character)");
    }
    if name.ends_with('.') || name.ends_with(' ') || name.starts_with(' ') {
        return Some("a name that starts with a space or ends with a dot or space");
    }
    if is_reserved_on_windows(name) {
        return Some("a name Windows keeps for devices (CON, NUL, COM1…)");
    }
    None
}

/// Windows refuses these as a file's name with any extension: `con`,
/// `nul.html`, `COM1.txt`.
pub fn is_reserved_on_windows(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    let lower = stem.to_ascii_lowercase();
    match lower.as_str() {
        "con" | "prn" | "aux" | "nul" | "conin$" | "conout$" | "clock$" => true,
        _ => {
            let (head, tail) = lower.split_at(lower.len().min(3));
            (head == "com" || head == "lpt")
                && matches!(
                    tail,
                    "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³"
                )
        }
    }
}

/// The refusal of a value read from elsewhere, shown cut to 80 characters.
fn refused(value: &str, why: &str) -> Error {
    Error::Unsafe {
        path: value.chars().take(80).collect::<String>().into(),
        reason: UnsafeReason::BadName(why.to_owned()),
    }
}

/// An article's slug as the store makes them (`text::slugify`): lower-case
/// ASCII letters, digits and dashes, not a Windows device name. A slug read
/// from a database that is anything else (`../../x`) is refused.
pub fn check_slug(slug: &str) -> Result<()> {
    let ok = !slug.is_empty()
        && slug.len() <= MAX_NAME
        && slug
            .bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-'))
        && !is_reserved_on_windows(slug);
    if ok {
        Ok(())
    } else {
        Err(refused(slug, "not an article slug"))
    }
}

/// A photo's file extension as the library writes them.
pub fn check_media_ext(ext: &str) -> Result<()> {
    if matches!(ext, "jpg" | "png" | "webp") {
        Ok(())
    } else {
        Err(refused(ext, "not a photo file extension"))
    }
}

/// A photo's content hash as the library names its files by: 32 lower-case
/// hex digits. Anything else read from a database is refused.
pub fn check_media_hash(hash: &str) -> Result<()> {
    if hash.len() == 32 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        Ok(())
    } else {
        Err(refused(hash, "not a photo hash"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_we_make_are_accepted() {
        for ok in [
            "index.html",
            "bai-viet/khai-mac-hoi-cho.html",
            "chuyen-muc/tin-tuc-trang-2.html",
            ".bantin-export.json",
            "anh/ab12-960.jpg",
            "static/style.css",
            "console.html",
            "com10.html",
            "lpt.html",
        ] {
            assert!(RelPath::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn paths_that_leave_or_break_the_folder_are_refused() {
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a/./b",
            "a//b",
            "C:\\Windows\\x",
            "C:x",
            "a\\..\\b",
            "con.html",
            "CON",
            "bai-viet/nul.html",
            "Aux.txt",
            "com1",
            "LPT9.html",
            "com¹.html",
            "trailing.",
            "trailing ",
            " leading",
            "a\0b",
            "line\nbreak",
            "a/b/c/d/e/f/g/h/i",
        ] {
            let err = RelPath::parse(bad).expect_err(bad);
            assert!(matches!(err, Error::Unsafe { .. }), "{bad:?} gave {err:?}");
        }
        assert!(RelPath::parse(&"a".repeat(MAX_REL_PATH + 1)).is_err());
    }

    #[test]
    fn slugs() {
        assert!(check_slug("khai-mac-hoi-cho-2").is_ok());
        for bad in ["", "../../x", "a/b", "con", "Hoa", "a.html", "x\\y"] {
            assert!(check_slug(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn media_hashes() {
        assert!(check_media_hash(&"ab".repeat(16)).is_ok());
        assert!(check_media_hash("../../../x/p").is_err());
        assert!(check_media_hash(&"AB".repeat(16)).is_err());
        assert!(check_media_hash(&"a".repeat(31)).is_err());
    }
}
