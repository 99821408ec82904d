//! The password rule for accounts.

/// The shortest password accepted, in characters.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// Why a password was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordRejected {
    #[error("must be at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("must not be the username")]
    EqualsUsername,
}

/// Checks a new password against the rule: at least 10 characters (not bytes: Vietnamese letters
/// count once), and not the username in any letter case.
pub fn check_new_password(password: &str, username: &str) -> Result<(), PasswordRejected> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(PasswordRejected::TooShort);
    }
    if password.to_lowercase() == username.to_lowercase() {
        return Err(PasswordRejected::EqualsUsername);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_edge() {
        assert_eq!(
            check_new_password("123456789", "u"),
            Err(PasswordRejected::TooShort)
        );
        assert_eq!(check_new_password("1234567890", "u"), Ok(()));
        // Ten characters, more than ten bytes.
        assert_eq!(check_new_password("đđđđđđđđđđ", "u"), Ok(()));
        assert_eq!(
            check_new_password("đđđđđđđđđ", "u"),
            Err(PasswordRejected::TooShort)
        );
    }

    #[test]
    fn not_the_username() {
        assert_eq!(
            check_new_password("Administrator", "administrator"),
            Err(PasswordRejected::EqualsUsername)
        );
        assert_eq!(
            check_new_password("administrator1", "administrator"),
            Ok(())
        );
    }
}
