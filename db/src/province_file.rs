//! A province as reference data: its tree and the tree's dated history in one CSV file of
//! events, one line each (format in `docs/province-file.md`). Parsing checks every line and
//! names the line of each error; [`crate::seed`] applies a parsed file to a database.

use centers_domain::organizations::{check_parent, parse_org_name, OrganizationKind};
use chrono::NaiveDate;
use std::collections::HashMap;

/// What happens to a unit on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The unit exists from `on` (blank: since before any record).
    Open,
    /// A new name (and subkind) from `on`.
    Rename,
    /// A new parent from `on`.
    Move,
    /// `on` is its last day.
    Close,
    /// `on` is its last day; it was merged into the unit named as parent.
    Merge,
}

/// One line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The line number in the file (1-based), for messages.
    pub line: usize,
    pub kind: OrganizationKind,
    pub code: String,
    pub event: Event,
    pub on: Option<NaiveDate>,
    pub name: Option<String>,
    pub subkind: Option<String>,
    /// The parent (open, move) or the unit merged into (merge): its kind and code.
    pub parent: Option<(OrganizationKind, String)>,
    pub decision: Option<String>,
    pub source: Option<String>,
}

/// A parsed, checked province file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvinceFile {
    pub lines: Vec<Line>,
}

impl ProvinceFile {
    /// The province's own line.
    pub fn province(&self) -> Option<&Line> {
        self.lines
            .iter()
            .find(|l| l.kind == OrganizationKind::Province && l.event == Event::Open)
    }
}

/// A line the file cannot have, named by its number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file} line {line}: {message}")]
pub struct FileError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// The columns, in order.
pub const HEADER: [&str; 10] = [
    "kind",
    "code",
    "event",
    "on",
    "name",
    "subkind",
    "parent_kind",
    "parent_code",
    "decision",
    "source",
];

/// Parses and checks a province file; `file` names it in errors. Every error is reported, each
/// with its line.
pub fn parse(file: &str, text: &str) -> Result<ProvinceFile, Vec<FileError>> {
    let mut errors = Vec::new();
    let mut lines = Vec::new();
    let err = |line: usize, message: String| FileError {
        file: file.to_owned(),
        line,
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .flexible(false)
        .from_reader(text.as_bytes());
    match reader.headers() {
        Ok(h) if h.iter().map(str::trim).eq(HEADER.iter().copied()) => {}
        Ok(h) => {
            return Err(vec![err(
                1,
                format!(
                    "the header must be {}; found {}",
                    HEADER.join(","),
                    h.iter().collect::<Vec<_>>().join(",")
                ),
            )])
        }
        Err(e) => return Err(vec![err(1, e.to_string())]),
    }
    // What the file has opened so far, by (kind, code): its kind, whether closed, last date.
    let mut known: HashMap<(OrganizationKind, String), (Option<NaiveDate>, bool)> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                errors.push(err(line, e.to_string()));
                continue;
            }
        };
        let line_no = record.position().map_or(0, |p| p.line() as usize);
        let field = |i: usize| {
            record
                .get(i)
                .map(centers_domain::text::normalize)
                .filter(|s| !s.is_empty())
        };
        let mut fail = |message: String| errors.push(err(line_no, message));
        let Some(kind) = field(0).and_then(|k| k.parse::<OrganizationKind>().ok()) else {
            fail(format!(
                "kind: one of {}",
                OrganizationKind::ALL
                    .iter()
                    .filter(|k| k.is_tree_unit())
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            continue;
        };
        // Party organizations are the centers' own data, not the province's.
        if !kind.is_tree_unit() {
            fail(format!("kind: a province file holds no {kind}"));
            continue;
        }
        let Some(code) = field(1).filter(|c| c.chars().count() <= 32) else {
            fail("code: required, at most 32 characters".into());
            continue;
        };
        let event = match field(2).as_deref() {
            Some("open") => Event::Open,
            Some("rename") => Event::Rename,
            Some("move") => Event::Move,
            Some("close") => Event::Close,
            Some("merge") => Event::Merge,
            _ => {
                fail("event: one of open, rename, move, close, merge".into());
                continue;
            }
        };
        let on = match field(3) {
            None => None,
            Some(d) => match NaiveDate::parse_from_str(&d, "%Y-%m-%d") {
                Ok(d) if centers_domain::validity::check_record_date(d).is_ok() => Some(d),
                _ => {
                    fail(format!(
                        "on: {d:?} is not a date YYYY-MM-DD between 1945 and 2100"
                    ));
                    continue;
                }
            },
        };
        let name = match field(4) {
            None => None,
            Some(n) => match parse_org_name(&n) {
                Some(n) => Some(n),
                None => {
                    fail("name: 1 to 300 characters".into());
                    continue;
                }
            },
        };
        let subkind = field(5);
        let parent = match (field(6), field(7)) {
            (None, None) => None,
            (Some(k), Some(c)) => match k.parse::<OrganizationKind>() {
                Ok(k) => Some((k, c)),
                Err(e) => {
                    fail(format!("parent_kind: {e}"));
                    continue;
                }
            },
            _ => {
                fail("parent_kind and parent_code go together".into());
                continue;
            }
        };
        let key = (kind, code.clone());
        let state = known.get(&key).copied();
        // The checks of each event.
        let problem: Option<String> = match event {
            Event::Open if state.is_some() => Some(format!("{kind} {code} is opened twice")),
            Event::Open if name.is_none() => Some("name: required to open a unit".into()),
            Event::Open if kind != OrganizationKind::Province && parent.is_none() => {
                Some("parent_kind, parent_code: required to open a unit".into())
            }
            Event::Open if kind == OrganizationKind::Province && parent.is_some() => {
                Some("a province has no parent".into())
            }
            Event::Open => None,
            _ if state.is_none() => {
                Some(format!("{kind} {code} must be opened on an earlier line"))
            }
            _ if state.is_some_and(|(_, closed)| closed) => {
                Some(format!("{kind} {code} is already closed"))
            }
            _ if on.is_none() => Some("on: required for a dated change".into()),
            Event::Rename if name.is_none() => Some("name: required to rename".into()),
            Event::Move | Event::Merge if parent.is_none() => {
                Some("parent_kind, parent_code: the new parent (or the unit merged into)".into())
            }
            _ => None,
        };
        if let Some(p) = problem {
            fail(p);
            continue;
        }
        if let (Some(on), Some((Some(last), _))) = (on, state) {
            if on < last {
                fail(format!("on: {on} is before this unit's previous line ({last}); list a unit's changes in date order"));
                continue;
            }
        }
        if subkind.is_some() || event == Event::Open {
            let allowed = kind.subkinds();
            let ok = match (allowed, subkind.as_deref()) {
                (Some(a), Some(s)) => a.contains(&s),
                (None, None) => true,
                (Some(_), None) => event != Event::Open,
                (None, Some(_)) => false,
            };
            if !ok {
                fail(format!(
                    "subkind: {}",
                    allowed.map_or("this kind has none".to_owned(), |a| format!(
                        "one of {}",
                        a.join(", ")
                    ))
                ));
                continue;
            }
        }
        if let Some((parent_kind, parent_code)) = &parent {
            if !known.contains_key(&(*parent_kind, parent_code.clone())) {
                fail(format!(
                    "{parent_kind} {parent_code} must be opened on an earlier line"
                ));
                continue;
            }
            let checked = if event == Event::Merge {
                (*parent_kind == kind)
                    .then_some(())
                    .ok_or_else(|| format!("a {kind} merges into another {kind}"))
            } else {
                check_parent(kind, *parent_kind).map_err(|e| e.to_string())
            };
            if let Err(message) = checked {
                fail(message);
                continue;
            }
        }
        known.insert(
            key,
            (
                on.or(state.and_then(|s| s.0)),
                matches!(event, Event::Close | Event::Merge),
            ),
        );
        lines.push(Line {
            line: line_no,
            kind,
            code,
            event,
            on,
            name,
            subkind,
            parent,
            decision: field(8),
            source: field(9),
        });
    }
    let provinces = lines
        .iter()
        .filter(|l| l.kind == OrganizationKind::Province)
        .count();
    if provinces != 1 && errors.is_empty() {
        errors.push(err(
            1,
            format!("a province file opens exactly one province; this one opens {provinces}"),
        ));
    }
    if errors.is_empty() {
        Ok(ProvinceFile { lines })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "kind,code,event,on,name,subkind,parent_kind,parent_code,decision,source\n";

    #[test]
    fn a_small_file_parses() {
        let text = format!(
            "{HEAD}# comment lines are skipped\n\
             province,99,open,,Tỉnh Thử,,,,,\n\
             district,901,open,,Huyện Một,district,province,99,,\n\
             district,901,rename,2020-06-01,Thị xã Một,town,,,NQ 1,\n\
             center,901,open,,Trung tâm Chính trị huyện Một,,district,901,,\n"
        );
        let f = parse("test.csv", &text).unwrap();
        assert_eq!(f.lines.len(), 4);
        assert_eq!(f.province().unwrap().code, "99");
        assert_eq!(f.lines[2].event, Event::Rename);
        assert_eq!(f.lines[2].line, 5);
    }

    #[test]
    fn every_error_names_its_line() {
        let text = format!(
            "{HEAD}province,99,open,,Tỉnh Thử,,,,,\n\
             center,1,open,,Trung tâm,,province,99,,\n\
             district,2,rename,2020-01-01,X,town,,,,\n\
             district,3,open,,Huyện Ba,village,province,99,,\n\
             district,4,open,,Huyện Bốn,district,province,99,,\n\
             district,4,rename,2020-02-30,Y,,,,,\n"
        );
        let errors = parse("test.csv", &text).unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 7], "{errors:?}");
        assert!(errors[0].message.contains("district"), "{}", errors[0]);
        assert!(errors[0].to_string().starts_with("test.csv line 3:"));
    }

    #[test]
    fn changes_follow_each_other_in_date_order_and_a_closed_unit_stays_closed() {
        let text = format!(
            "{HEAD}province,99,open,,Tỉnh Thử,,,,,\n\
             district,4,open,,Huyện Bốn,district,province,99,,\n\
             district,4,rename,2020-02-01,Y,,,,,\n\
             district,4,rename,2019-02-01,Z,,,,,\n\
             district,4,close,2024-12-31,,,,,,\n\
             district,4,rename,2025-02-01,W,,,,,\n"
        );
        let errors = parse("t", &text).unwrap_err();
        assert_eq!(
            errors.iter().map(|e| e.line).collect::<Vec<_>>(),
            vec![5, 7]
        );
    }
}
