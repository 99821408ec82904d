//! Reading an import's body: a CSV file or JSON rows, cell by cell, refusing what no column takes.

use super::*;
use crate::error::{ApiError, FieldError};
use centers_domain::learners::{Gender, PartyStatus};
use utoipa::ToSchema;

pub(crate) fn column(name: &str) -> Option<&'static str> {
    COLUMNS.iter().copied().find(|c| *c == name)
}

/// The longest cell any column takes, in characters (the longest column, `workplace`, takes 300):
/// a longer cell is refused as it is read, before any Unicode work on it, so that a file of a
/// few huge cells costs no more than its bytes to read.
pub(crate) const MAX_CELL_CHARS: usize = 1_000;

/// A 422 naming the cell when it is longer than any column takes.
pub(crate) fn check_cell(row: usize, column: &str, value: &str) -> Result<(), FieldError> {
    // Bytes first: at most 4 per character, so a longer value is too long without counting.
    if value.len() > 4 * MAX_CELL_CHARS || value.chars().count() > MAX_CELL_CHARS {
        return Err(FieldError::new(
            format!("rows[{row}].{column}"),
            "too_long",
            format!("a cell holds at most {MAX_CELL_CHARS} characters"),
        ));
    }
    Ok(())
}

/// A 422 for a CSV file that does not make a table of import rows, naming where.
pub(crate) fn unreadable(field: String, code: &str, message: String) -> ApiError {
    ApiError::Validation(vec![FieldError::new(field, code, message)])
}

/// Rows of a CSV file: UTF-8 (a byte-order mark is skipped), a header row of column names,
/// comma- or semicolon-separated (Excel writes semicolons in some locales).
pub fn rows_from_csv(bytes: &[u8]) -> Result<Vec<RawRow>, ApiError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|_| ApiError::bad_field("body", "encoding", "the CSV file must be UTF-8"))?;
    let header_line = text.lines().next().unwrap_or_default();
    let delimiter = if header_line.contains(';') && !header_line.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| ApiError::bad_field("body", "csv", format!("the header row: {e}")))?
        .clone();
    let mut columns = Vec::new();
    let mut errors = Vec::new();
    for name in header.iter() {
        let name = name.trim();
        match column(name) {
            Some(c) if columns.contains(&c) => errors.push(FieldError::new(
                format!("columns.{c}"),
                "duplicate",
                "this column appears twice",
            )),
            Some(c) => columns.push(c),
            None => errors.push(FieldError::new(
                format!("columns.{name}"),
                "unknown",
                format!("unknown column; the columns are {}", COLUMNS.join(", ")),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record
            .map_err(|e| unreadable(format!("rows[{i}]"), "csv", format!("unreadable: {e}")))?;
        if record.iter().all(|v| v.trim().is_empty()) {
            continue; // Spreadsheets leave blank lines at the end.
        }
        if record.len() != columns.len() {
            return Err(unreadable(
                format!("rows[{}]", rows.len()),
                "columns",
                format!(
                    "{} cells where the header has {}",
                    record.len(),
                    columns.len()
                ),
            ));
        }
        let mut row = RawRow::new();
        for (c, value) in columns.iter().zip(record.iter()) {
            check_cell(rows.len(), c, value).map_err(|e| ApiError::Validation(vec![e]))?;
            if let Some(ch) = centers_domain::text::refused_char(value) {
                return Err(ApiError::BadRequest {
                    detail: "the CSV file holds a control character".into(),
                    errors: vec![FieldError::new(
                        format!("rows[{}].{c}", rows.len()),
                        "control_character",
                        format!("the character U+{:04X} is not allowed", u32::from(ch)),
                    )],
                });
            }
            let value = centers_domain::text::nfc(value.trim()).into_owned();
            if !value.is_empty() {
                row.insert(c, value);
            }
        }
        rows.push(row);
        if rows.len() > MAX_ROWS {
            break;
        }
    }
    Ok(rows)
}

/// The JSON body: `{"rows": [{column: value}, ...]}`; strings, numbers, booleans or null.
#[derive(Debug, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportBody {
    /// The rows, each an object of the import columns (strings, or numbers and booleans where
    /// they fit; null is absent).
    #[schema(value_type = Vec<ImportRow>, min_items = 1)]
    pub rows: Vec<serde_json::Map<String, serde_json::Value>>,
}

/// The columns of an import row as JSON (documentation of `ImportBody`; rows are read column by
/// column so that each error names its row).
#[derive(Debug, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct ImportRow {
    /// The learner's id in the sending system, unique per party organization (required).
    #[schema(max_length = 100)]
    pub external_id: Option<String>,
    pub party_organization_id: Option<uuid::Uuid>,
    /// The party organization's code, in the caller's scope.
    pub party_organization_code: Option<String>,
    #[schema(max_length = 200)]
    pub full_name: Option<String>,
    /// `YYYY-MM-DD` or `DD/MM/YYYY`.
    pub birth_date: Option<String>,
    pub gender: Option<Gender>,
    #[schema(max_length = 50)]
    pub ethnicity: Option<String>,
    pub party_status: Option<PartyStatus>,
    pub admission_date: Option<String>,
    #[schema(max_length = 200)]
    pub position: Option<String>,
    #[schema(max_length = 300)]
    pub workplace: Option<String>,
    #[schema(pattern = "^[0-9]{12}$")]
    pub national_id: Option<String>,
    pub confirm_new: Option<bool>,
    pub class_id: Option<uuid::Uuid>,
    pub class_code: Option<String>,
    #[schema(minimum = 1945, maximum = 2100)]
    pub class_year: Option<i32>,
}

pub fn rows_from_json(body: ImportBody) -> Result<Vec<RawRow>, ApiError> {
    let mut rows = Vec::with_capacity(body.rows.len().min(MAX_ROWS + 1));
    let mut errors = Vec::new();
    for (i, object) in body.rows.into_iter().enumerate().take(MAX_ROWS + 1) {
        let mut row = RawRow::new();
        for (key, value) in object {
            let Some(c) = column(&key) else {
                errors.push(FieldError::new(
                    format!("rows[{i}].{key}"),
                    "unknown",
                    format!("unknown column; the columns are {}", COLUMNS.join(", ")),
                ));
                continue;
            };
            let text = match value {
                serde_json::Value::Null => continue,
                serde_json::Value::String(s) => {
                    if let Err(e) = check_cell(i, c, &s) {
                        errors.push(e);
                        continue;
                    }
                    s.trim().to_owned()
                }
                serde_json::Value::Bool(b) => b.to_string(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => {
                    errors.push(FieldError::new(
                        format!("rows[{i}].{c}"),
                        "invalid_type",
                        "a string, number or boolean",
                    ));
                    continue;
                }
            };
            if !text.is_empty() {
                row.insert(c, text);
            }
        }
        rows.push(row);
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok(rows)
}
