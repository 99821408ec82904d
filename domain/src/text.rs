//! Vietnamese text: NFC normalization for storage, and a folded key for search.
//!
//! Text arrives from many keyboards and systems, some in decomposed form (NFD). Everything stored is
//! NFC so that equality and uniqueness behave; everything searched is compared through [`fold`], which
//! drops case and diacritics so "quang xuong" finds "Quảng Xương" and "dong son" finds "Đông Sơn".

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Returns `s` in Unicode Normalization Form C, trimmed, with inner runs of whitespace collapsed
/// and zero-width characters removed (they are invisible: "AB\u{200B}C" and "ABC" must be the same
/// code, and a name of only zero-width spaces is blank).
pub fn normalize(s: &str) -> String {
    let nfc: String = s.nfc().filter(|c| !is_zero_width(*c)).collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Zero-width characters: ZWSP, ZWNJ, ZWJ, word joiner, BOM used as ZWNBSP.
pub fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Bidirectional controls (embeddings, overrides, isolates, marks): they reorder what a reader
/// sees without changing what is stored, the stuff of spoofed names ("Trojan Source").
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// The first character that no text input of this API may hold: a control character other than
/// tab, line feed and carriage return (NUL, BEL, ESC...), or a bidirectional control.
pub fn refused_char(s: &str) -> Option<char> {
    s.chars()
        .find(|c| (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || is_bidi_control(*c))
}

/// `s` in Unicode Normalization Form C (borrowed when it already is).
pub fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => std::borrow::Cow::Borrowed(s),
        _ => std::borrow::Cow::Owned(s.nfc().collect()),
    }
}

/// Folds `s` into a search key: lower case, no diacritics (`đ` becomes `d`), single spaces.
///
/// The key is ASCII for Vietnamese input, so the database can compare it with a plain `LIKE` on
/// every backend (SQLite's `lower()` only knows ASCII).
pub fn fold(s: &str) -> String {
    let stripped: String = s
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes `%`, `_` and the escape character itself for a `LIKE ... ESCAPE '\'` pattern.
pub fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A `LIKE` pattern matching rows whose folded text contains the folded query.
pub fn contains_pattern(query: &str) -> String {
    format!("%{}%", like_escape(&fold(query)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn invisible_and_reordering_characters() {
        assert_eq!(normalize("AB\u{200B}C"), "ABC");
        assert_eq!(normalize("\u{200B}\u{FEFF}"), "");
        assert_eq!(refused_char("Nam\u{202E}gnP"), Some('\u{202E}'));
        assert_eq!(refused_char("a\u{7}b"), Some('\u{7}'));
        assert_eq!(refused_char("a\u{1b}[31m"), Some('\u{1b}'));
        assert_eq!(refused_char("dòng 1\ndòng 2\tcột"), None);
        assert_eq!(refused_char("Thanh Hóa"), None);
        let nfd: String = "Hóa".nfd().collect();
        assert_eq!(nfc(&nfd), "Hóa");
    }

    #[test]
    fn fold_drops_case_and_diacritics() {
        assert_eq!(fold("Huyện Quảng Xương"), "huyen quang xuong");
        assert_eq!(fold("Đông Sơn"), "dong son");
        assert_eq!(fold("ĐÔNG SƠN"), "dong son");
        assert_eq!(fold("Thành phố Thanh Hóa"), "thanh pho thanh hoa");
    }

    #[test]
    fn fold_treats_nfd_and_nfc_alike() {
        let nfd: String = "Quảng Xương".nfd().collect();
        assert_ne!(nfd, "Quảng Xương");
        assert_eq!(fold(&nfd), fold("Quảng Xương"));
    }

    #[test]
    fn fold_collapses_whitespace() {
        assert_eq!(fold("  quang \t  xuong "), "quang xuong");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn normalize_produces_nfc() {
        let nfd: String = "Hoằng Hóa".nfd().collect();
        let n = normalize(&nfd);
        assert_eq!(n, "Hoằng Hóa");
        assert_eq!(n.chars().count(), "Hoằng Hóa".chars().count());
        assert_eq!(normalize("  Bá   Thước "), "Bá Thước");
    }

    #[test]
    fn like_pattern_escapes_wildcards() {
        assert_eq!(contains_pattern("50%_x"), "%50\\%\\_x%");
        assert_eq!(contains_pattern("Nghi Sơn"), "%nghi son%");
    }
}
