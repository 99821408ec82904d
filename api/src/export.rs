//! Tables as JSON, CSV or XLSX, chosen by `Accept`: the same rows for dashboards, for Excel and
//! for the district systems. CSV is UTF-8 with a byte-order mark so that Excel reads Vietnamese
//! correctly; headers are in Vietnamese.

use crate::error::ApiError;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use serde::Serialize;

pub const JSON: &str = "application/json";
pub const CSV: &str = "text/csv";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A table: Vietnamese headers and rows of cells.
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Headers written as literals.
pub fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|h| (*h).to_owned()).collect()
}

/// A cell: text or a number (kept a number in XLSX).
pub enum Cell {
    Text(String),
    Number(f64),
    /// A share from 0 to 1: `97,0 %` in CSV (one decimal, the Vietnamese decimal comma), a
    /// number formatted as a percentage in XLSX.
    Percent(f64),
    /// A day: `dd/mm/yyyy` in CSV, a date so formatted in XLSX.
    Date(chrono::NaiveDate),
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// Text, or an empty cell.
    pub fn maybe_text(s: Option<&str>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::Text(s.to_owned()))
    }

    /// A count (far below 2^52: exact as a float).
    #[allow(clippy::cast_precision_loss)]
    pub fn count(n: i64) -> Cell {
        Cell::Number(n as f64)
    }

    /// A number, or an empty cell.
    pub fn maybe_number(n: Option<f64>) -> Cell {
        n.map_or(Cell::Empty, Cell::Number)
    }

    /// A share (0–1) shown as a percentage, or an empty cell.
    pub fn maybe_percent(n: Option<f64>) -> Cell {
        n.map_or(Cell::Empty, Cell::Percent)
    }

    /// A coded value by its Vietnamese label (`domain::labels`); a code the table does not know
    /// is shown as it is.
    pub fn label<E: std::str::FromStr + Copy>(
        code: Option<&str>,
        label: fn(E) -> &'static str,
    ) -> Cell {
        match code {
            None => Cell::Empty,
            Some(c) => Cell::Text(
                c.parse::<E>()
                    .map_or_else(|_| c.to_owned(), |e| label(e).to_owned()),
            ),
        }
    }
}

/// A share as people write it in Vietnamese: one decimal, a decimal comma, a percent sign.
pub fn percent_vi(share: f64) -> String {
    format!("{:.1} %", share * 100.0).replace('.', ",")
}

/// Days since Excel's epoch (1899-12-30): how XLSX stores a date.
fn excel_serial(day: chrono::NaiveDate) -> f64 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    // Whole days, far below 2^52.
    #[allow(clippy::cast_precision_loss)]
    let days = (day - epoch).num_days() as f64;
    days
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Whether a spreadsheet could read this text as a formula (CSV injection): it begins — after
/// any spaces, which spreadsheets skip — with `=`, `+`, `-`, `@`, a tab or a carriage return, or
/// their full-width forms, which some spreadsheets fold to them.
fn could_be_formula(s: &str) -> bool {
    s.trim_start_matches(' ').starts_with([
        '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
    ])
}

/// A text cell as OWASP's CSV-injection guidance has it: text a spreadsheet could run as a
/// formula gets a leading `'`, so it is shown as the text it is (the quoting of `csv_field`
/// follows). Numbers are written as numbers and never changed; the XLSX export writes strings
/// as strings and needs none of this.
fn neutralized(s: &str) -> String {
    if could_be_formula(s) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Text(t) => neutralized(t),
        Cell::Number(n) => n.to_string(),
        Cell::Percent(n) => percent_vi(*n),
        Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
        Cell::Empty => String::new(),
    }
}

fn csv(table: &Table) -> String {
    let mut out = String::from("\u{FEFF}");
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .map(|c| csv_field(c))
            .collect::<Vec<_>>()
            .join(",")
    };
    out.push_str(&line(
        table.headers.iter().map(|h| neutralized(h)).collect(),
    ));
    out.push_str("\r\n");
    for row in &table.rows {
        out.push_str(&line(row.iter().map(cell_text).collect()));
        out.push_str("\r\n");
    }
    out
}

fn xlsx(table: &Table, sheet: &str) -> Result<Vec<u8>, ApiError> {
    let fail = |e: rust_xlsxwriter::XlsxError| ApiError::Internal(format!("xlsx: {e}"));
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).map_err(fail)?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let percent = rust_xlsxwriter::Format::new().set_num_format("0.0%");
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    for (c, h) in table.headers.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        ws.write_string_with_format(0, col, h, &bold)
            .map_err(fail)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in row.iter().enumerate() {
            let col = u16::try_from(c).unwrap_or(u16::MAX);
            match cell {
                Cell::Text(t) => ws.write_string(r, col, t).map(|_| ()).map_err(fail)?,
                Cell::Number(n) => ws.write_number(r, col, *n).map(|_| ()).map_err(fail)?,
                Cell::Percent(n) => ws
                    .write_number_with_format(r, col, *n, &percent)
                    .map(|_| ())
                    .map_err(fail)?,
                Cell::Date(d) => ws
                    .write_number_with_format(r, col, excel_serial(*d), &date)
                    .map(|_| ())
                    .map_err(fail)?,
                Cell::Empty => {}
            }
        }
    }
    book.save_to_buffer().map_err(fail)
}

/// Answers with `json` by default, or the table as CSV or XLSX when `Accept` asks for it.
pub fn respond<T: Serialize>(
    req: &HttpRequest,
    json: &T,
    table: impl FnOnce() -> Table,
    file_stem: &str,
) -> Result<HttpResponse, ApiError> {
    let chosen = crate::http::representation(req, &[JSON, CSV, XLSX])?;
    if chosen == CSV {
        return Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .insert_header((
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_stem}.csv\""),
            ))
            .body(csv(&table())));
    }
    if chosen == XLSX {
        return Ok(HttpResponse::Ok()
            .content_type(XLSX)
            .insert_header((
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_stem}.xlsx\""),
            ))
            .body(xlsx(&table(), "Kết quả")?));
    }
    Ok(HttpResponse::Ok().json(json))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_days_are_written_as_people_read_them() {
        assert_eq!(percent_vi(0.9702), "97,0 %");
        assert_eq!(percent_vi(1.0), "100,0 %");
        assert_eq!(percent_vi(0.0004), "0,0 %");
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap_or_default();
        let t = csv(&Table {
            headers: vec!["Tỷ lệ".into(), "Ngày".into()],
            rows: vec![vec![Cell::Percent(0.9702), Cell::Date(day)]],
        });
        assert!(t.ends_with("\"97,0 %\",06/12/2026\r\n"), "{t}");
        // 2026-12-06 is day 46,362 of Excel's calendar.
        assert_eq!(excel_serial(day), 46_362.0);
    }

    #[test]
    fn csv_quotes_and_starts_with_a_bom() {
        let t = Table {
            headers: headers(&["Họ và tên", "Điểm"]),
            rows: vec![vec![Cell::Text("Lê, \"Mai\"".into()), Cell::Number(8.5)]],
        };
        let out = csv(&t);
        assert!(out.starts_with('\u{FEFF}'));
        assert!(out.contains("\"Lê, \"\"Mai\"\"\",8.5"));
    }

    #[test]
    fn text_a_spreadsheet_would_run_is_neutralized_and_numbers_are_not() {
        let t = Table {
            headers: headers(&["Tên", "Điểm"]),
            rows: vec![
                vec![Cell::Text("=cmd|' /C calc'!A0".into()), Cell::Number(-1.5)],
                vec![Cell::Text("  +1".into()), Cell::Text("@SUM(A1)".into())],
                vec![Cell::Text("\tx".into()), Cell::Text("\r=1".into())],
                vec![Cell::Text("-2".into()), Cell::Text("＝1+1".into())],
                vec![Cell::Text("Lê = Mai".into()), Cell::Text("a-b".into())],
            ],
        };
        let out = csv(&t);
        let lines: Vec<&str> = out.trim_start_matches('\u{FEFF}').split("\r\n").collect();
        assert_eq!(lines[1], "'=cmd|' /C calc'!A0,-1.5");
        assert_eq!(lines[2], "'  +1,'@SUM(A1)");
        assert_eq!(lines[3], "'\tx,\"'\r=1\"");
        assert_eq!(lines[4], "'-2,'＝1+1");
        assert_eq!(lines[5], "Lê = Mai,a-b");
    }
}
