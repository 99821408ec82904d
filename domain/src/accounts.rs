//! Account names.

/// Why a username is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("3–64 characters: letters a–z, digits, '.', '_', '-', '@'")]
pub struct InvalidUsername;

/// Normalizes a username (trimmed, lower case: usernames are case-insensitive) and checks it:
/// 3–64 characters of `a–z 0–9 . _ - @`.
pub fn parse_username(raw: &str) -> Result<String, InvalidUsername> {
    let u = raw.trim().to_lowercase();
    let ok = (3..=64).contains(&u.chars().count())
        && u.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'));
    if ok {
        Ok(u)
    } else {
        Err(InvalidUsername)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames() {
        assert_eq!(
            parse_username("  GV.QuangXuong "),
            Ok("gv.quangxuong".into())
        );
        assert_eq!(parse_username("abc"), Ok("abc".into()));
        assert_eq!(parse_username("ab"), Err(InvalidUsername));
        assert!(parse_username(&"a".repeat(64)).is_ok());
        assert_eq!(parse_username(&"a".repeat(65)), Err(InvalidUsername));
        assert_eq!(parse_username("nguyễn"), Err(InvalidUsername));
        assert_eq!(parse_username("a b c"), Err(InvalidUsername));
        assert!(parse_username("ca@quangxuong.vn").is_ok());
    }
}
