//! Certificates as the catalogue and the province's policy define them: who issues a program's
//! credential, and how a register numbers it.

use crate::programs::{Credential, Delivery};

/// Who keeps the register a program's certificates are numbered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issuer {
    /// The center that ran the class.
    Center,
    /// The provincial school: the programs it runs with the centers (intermediate theory, state
    /// management), whose diplomas and certificates it issues from its own register.
    ProvincialSchool,
}

/// Why a program earns no certificate to number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("this program earns no certificate (its catalogue entry's credential is none)")]
pub struct NoCredential;

/// Who issues a program's credential, from its catalogue entry: none for `credential: none`;
/// the school for a program it delivers with the centers; the center otherwise.
pub fn issuer_of(credential: Credential, delivery: Delivery) -> Result<Issuer, NoCredential> {
    match (credential, delivery) {
        (Credential::None, _) => Err(NoCredential),
        (_, Delivery::WithSchool) => Ok(Issuer::ProvincialSchool),
        (_, Delivery::Center) => Ok(Issuer::Center),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Literal(String),
    Issuer,
    Year,
    Serial { width: usize },
}

/// A certificate number format (a policy value): literal text with the placeholders
/// `{issuer}` (the issuer's code), `{year}` and `{serial}` — or `{serial:0N}`, zero-padded to N
/// digits (1–9) — each exactly once, so that numbers of different registers and years never
/// collide. Example: `{issuer}/{year}/{serial:06}` → `406/2019/000123`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberFormat {
    parts: Vec<Part>,
}

/// The format every province starts with (the numbers issued before it was a policy).
pub const DEFAULT_NUMBER_FORMAT: &str = "{issuer}/{year}/{serial:06}";

impl NumberFormat {
    /// Parses and checks a format; the error says what is wrong.
    pub fn parse(text: &str) -> Result<NumberFormat, String> {
        if text.is_empty() || text.chars().count() > 100 {
            return Err("1 to 100 characters".into());
        }
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err("no spaces or control characters".into());
        }
        let mut parts = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            match rest.find('{') {
                Some(0) => {
                    let end = rest
                        .find('}')
                        .ok_or_else(|| "a `{` without its `}`".to_owned())?;
                    let name = &rest[1..end];
                    parts.push(match name {
                        "issuer" => Part::Issuer,
                        "year" => Part::Year,
                        "serial" => Part::Serial { width: 1 },
                        _ => match name.strip_prefix("serial:0").map(str::parse::<usize>) {
                            Some(Ok(width)) if (1..=9).contains(&width) => Part::Serial { width },
                            _ => {
                                return Err(format!(
                                    "unknown placeholder {{{name}}}: use {{issuer}}, {{year}}, {{serial}} or {{serial:0N}} (N from 1 to 9)"
                                ))
                            }
                        },
                    });
                    rest = &rest[end + 1..];
                }
                found => {
                    let end = found.unwrap_or(rest.len());
                    let literal = &rest[..end];
                    if literal.contains('}') {
                        return Err("a `}` without its `{`".into());
                    }
                    parts.push(Part::Literal(literal.to_owned()));
                    rest = &rest[end..];
                }
            }
        }
        for (name, count) in [
            (
                "{issuer}",
                parts.iter().filter(|p| **p == Part::Issuer).count(),
            ),
            ("{year}", parts.iter().filter(|p| **p == Part::Year).count()),
            (
                "{serial}",
                parts
                    .iter()
                    .filter(|p| matches!(p, Part::Serial { .. }))
                    .count(),
            ),
        ] {
            if count != 1 {
                return Err(format!("{name} must appear exactly once"));
            }
        }
        // A serial is read back as a run of digits: what follows it must not start with one,
        // nor be another placeholder (whose text could too).
        for pair in parts.windows(2) {
            if let [Part::Serial { .. }, next] = pair {
                let digit_next = match next {
                    Part::Literal(l) => l.starts_with(|c: char| c.is_ascii_digit()),
                    _ => true,
                };
                if digit_next {
                    return Err(
                        "{serial} must be followed by a non-digit literal or end the number".into(),
                    );
                }
            }
        }
        Ok(NumberFormat { parts })
    }

    /// The number of `serial` in the register of `issuer` (its code) for `year`.
    pub fn format(&self, issuer: &str, year: i32, serial: i32) -> String {
        self.parts
            .iter()
            .map(|p| match p {
                Part::Literal(l) => l.clone(),
                Part::Issuer => issuer.to_owned(),
                Part::Year => year.to_string(),
                Part::Serial { width } => format!("{serial:0width$}"),
            })
            .collect()
    }

    /// The serial a number carries, if it is a number of `issuer`'s register for `year` in this
    /// format (a number the school gave, recorded by a center).
    pub fn serial_in(&self, number: &str, issuer: &str, year: i32) -> Option<i32> {
        let mut rest = number;
        let mut serial = None;
        for part in &self.parts {
            match part {
                Part::Literal(l) => rest = rest.strip_prefix(l.as_str())?,
                Part::Issuer => rest = rest.strip_prefix(issuer)?,
                Part::Year => rest = rest.strip_prefix(year.to_string().as_str())?,
                Part::Serial { .. } => {
                    let digits =
                        rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                    let value: i32 = rest[..digits].parse().ok().filter(|v| *v >= 1)?;
                    serial = Some(value);
                    rest = &rest[digits..];
                }
            }
        }
        // Only the canonical spelling: the width, no extra leading zeros.
        let serial = serial.filter(|_| rest.is_empty())?;
        (self.format(issuer, year, serial) == number).then_some(serial)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_decides_who_issues() {
        assert_eq!(
            issuer_of(Credential::None, Delivery::Center),
            Err(NoCredential)
        );
        assert_eq!(
            issuer_of(Credential::Diploma, Delivery::WithSchool),
            Ok(Issuer::ProvincialSchool)
        );
        assert_eq!(
            issuer_of(Credential::Certificate, Delivery::Center),
            Ok(Issuer::Center)
        );
    }

    #[test]
    fn the_default_format_gives_the_numbers_issued_so_far() {
        let f = NumberFormat::parse(DEFAULT_NUMBER_FORMAT).unwrap();
        assert_eq!(f.format("406", 2019, 123), "406/2019/000123");
        assert_eq!(f.serial_in("406/2019/000123", "406", 2019), Some(123));
        assert_eq!(f.format("406", 2019, 1_234_567), "406/2019/1234567");
        assert_eq!(
            f.serial_in("406/2019/1234567", "406", 2019),
            Some(1_234_567)
        );
    }

    #[test]
    fn a_number_of_another_register_or_spelling_has_no_serial() {
        let f = NumberFormat::parse("{serial:05}/{year}/GCN-{issuer}").unwrap();
        assert_eq!(f.format("TCT", 2026, 7), "00007/2026/GCN-TCT");
        assert_eq!(f.serial_in("00007/2026/GCN-TCT", "TCT", 2026), Some(7));
        assert_eq!(f.serial_in("00007/2025/GCN-TCT", "TCT", 2026), None);
        assert_eq!(f.serial_in("00007/2026/GCN-406", "TCT", 2026), None);
        assert_eq!(f.serial_in("0007/2026/GCN-TCT", "TCT", 2026), None);
        assert_eq!(f.serial_in("000007/2026/GCN-TCT", "TCT", 2026), None);
        assert_eq!(f.serial_in("00000/2026/GCN-TCT", "TCT", 2026), None);
        assert_eq!(f.serial_in("00007/2026/GCN-TCTX", "TCT", 2026), None);
    }

    #[test]
    fn a_format_holds_each_placeholder_once_and_nothing_unknown() {
        for bad in [
            "",
            "{issuer}/{year}",
            "{issuer}/{serial}",
            "{year}/{serial}",
            "{issuer}/{year}/{serial}/{serial}",
            "{issuer}/{year}/{serial:10}",
            "{issuer}/{year}/{serial:00}",
            "{issuer}/{year}/{number}",
            "{issuer}/{year}/{serial",
            "{issuer}}/{year}/{serial}",
            "{issuer} {year} {serial}",
            "{issuer}/{year}/{serial}1",
            "{issuer}/{serial}{year}",
        ] {
            assert!(NumberFormat::parse(bad).is_err(), "{bad:?} accepted");
        }
        for good in [
            "{issuer}/{year}/{serial}",
            "{serial:09}-{issuer}-{year}",
            "Số{serial:05}/{year}/{issuer}",
        ] {
            assert!(NumberFormat::parse(good).is_ok(), "{good:?} refused");
        }
    }
}
