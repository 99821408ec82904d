//! Printed documents as PDF: a certificate (A5, landscape) and an issuer's master register of a
//! year (A4, landscape). Laid out with `printpdf` in DejaVu Serif, which covers Vietnamese and is
//! embedded in the binary (`api/assets/fonts`, with its licence): no external service, and the
//! text is real text (with its Unicode map), so it can be searched, copied and read back.

use crate::error::ApiError;
use crate::services::certificate_documents::{note_of, CertificateDocument, CertificateRegister};
use centers_domain::organizations::OrganizationKind;
use centers_domain::programs::Credential;
use chrono::{Datelike, NaiveDate};
use printpdf::{IndirectFontRef, Line, Mm, PdfDocument, PdfLayerReference, Point};

const REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSerif.ttf");
const BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSerif-Bold.ttf");

/// Millimetres per typographic point.
const MM_PER_PT: f32 = 0.352_778;

fn fail(e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(format!("pdf: {e}"))
}

/// A font for layout: the PDF's reference and the face, to measure text.
struct Font {
    pdf: IndirectFontRef,
    face: ttf_parser::Face<'static>,
}

impl Font {
    fn load(doc: &printpdf::PdfDocumentReference, data: &'static [u8]) -> Result<Font, ApiError> {
        Ok(Font {
            pdf: doc
                .add_external_font(std::io::Cursor::new(data))
                .map_err(fail)?,
            face: ttf_parser::Face::parse(data, 0).map_err(fail)?,
        })
    }

    /// The width of `text` at `size` points, in millimetres.
    fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                self.face
                    .glyph_index(c)
                    .and_then(|g| self.face.glyph_hor_advance(g))
                    .map_or(0, u32::from)
            })
            .sum();
        // Advances are far below f32's exact range.
        #[allow(clippy::cast_precision_loss)]
        let em = units as f32 / f32::from(self.face.units_per_em());
        em * size * MM_PER_PT
    }

    /// `text` cut to `max` millimetres at `size`, with an ellipsis when cut.
    fn fit(&self, text: &str, size: f32, max: f32) -> String {
        if self.width(text, size) <= max {
            return text.to_owned();
        }
        let mut out = String::new();
        for c in text.chars() {
            if self.width(&format!("{out}{c}…"), size) > max {
                break;
            }
            out.push(c);
        }
        format!("{}…", out.trim_end())
    }

    /// `text` in lines of at most `max` millimetres at `size`, broken at spaces.
    fn wrap(&self, text: &str, size: f32, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size) > max && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}

/// Writing on a page.
struct Page<'a> {
    layer: PdfLayerReference,
    regular: &'a Font,
    bold: &'a Font,
}

impl Page<'_> {
    fn text(&self, text: &str, size: f32, x: f32, y: f32, bold: bool) {
        let font = if bold { self.bold } else { self.regular };
        self.layer.use_text(text, size, Mm(x), Mm(y), &font.pdf);
    }

    /// Text centred on `x`.
    fn centred(&self, text: &str, size: f32, x: f32, y: f32, bold: bool) {
        let font = if bold { self.bold } else { self.regular };
        self.text(text, size, x - font.width(text, size) / 2.0, y, bold);
    }

    fn rule(&self, x1: f32, x2: f32, y: f32) {
        self.layer.add_line(Line {
            points: vec![
                (Point::new(Mm(x1), Mm(y)), false),
                (Point::new(Mm(x2), Mm(y)), false),
            ],
            is_closed: false,
        });
    }
}

fn day(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// "Quảng Xương, ngày 6 tháng 12 năm 2026".
fn dated(place: &str, d: NaiveDate) -> String {
    format!(
        "{place}, ngày {} tháng {} năm {}",
        d.day(),
        d.month(),
        d.year()
    )
}

/// Who signs for an issuer.
fn signer_title(kind: OrganizationKind) -> &'static str {
    match kind {
        OrganizationKind::ProvincialSchool | OrganizationKind::SchoolBranch => "HIỆU TRƯỞNG",
        _ => "GIÁM ĐỐC",
    }
}

/// A score as Vietnamese write it: `7,5`.
fn score_vi(score: f64) -> String {
    format!("{score:.1}").replace('.', ",")
}

/// The PDF's bytes, with its fonts' Unicode maps made valid: `printpdf` writes the map of a
/// glyph for a character beyond the Basic Multilingual Plane (DejaVu has some mathematical
/// letters) as five hex digits, which PDF readers that extract text reject; PDF wants UTF-16
/// there, a surrogate pair. The text of these documents is Vietnamese, all in the BMP, so only
/// those unused entries change.
fn finish(doc: printpdf::PdfDocumentReference) -> Result<Vec<u8>, ApiError> {
    use printpdf::lopdf::{Document, Object};
    let bytes = doc.save_to_bytes().map_err(fail)?;
    let mut pdf = Document::load_mem(&bytes).map_err(fail)?;
    for object in pdf.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let content = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        if !content.windows(9).any(|w| w == b"begincmap") {
            continue;
        }
        stream.dict.remove(b"Filter");
        stream.set_content(utf16_unicode_map(&String::from_utf8_lossy(&content)).into_bytes());
        stream.compress().map_err(fail)?;
    }
    let mut out = Vec::new();
    pdf.save_to(&mut out).map_err(fail)?;
    Ok(out)
}

/// A ToUnicode map with every `<glyph> <code point>` entry in UTF-16 (see [`finish`]).
fn utf16_unicode_map(map: &str) -> String {
    let entry = |line: &str| -> Option<String> {
        let (glyph, target) = line.trim().split_once("> <")?;
        let target = target.strip_suffix('>')?;
        if target.len() == 4 || !glyph.starts_with('<') {
            return None;
        }
        let c = char::from_u32(u32::from_str_radix(target, 16).ok()?)?;
        let units: String = c
            .encode_utf16(&mut [0; 2])
            .iter()
            .map(|u| format!("{u:04X}"))
            .collect();
        Some(format!("{glyph}> <{units}>"))
    };
    map.lines()
        .map(|line| entry(line).unwrap_or_else(|| line.to_owned()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A certificate on an A5 page, landscape.
pub fn certificate_pdf(c: &CertificateDocument) -> Result<Vec<u8>, ApiError> {
    let (width, height) = (210.0_f32, 148.0_f32);
    let title = match c.credential {
        Credential::Diploma => "BẰNG TỐT NGHIỆP",
        _ => "GIẤY CHỨNG NHẬN",
    };
    let (doc, page, layer) = PdfDocument::new(
        format!("{title} {}", c.number),
        Mm(width),
        Mm(height),
        "Trang 1",
    );
    let regular = Font::load(&doc, REGULAR)?;
    let bold = Font::load(&doc, BOLD)?;
    let p = Page {
        layer: doc.get_page(page).get_layer(layer),
        regular: &regular,
        bold: &bold,
    };
    // The heading: the issuer on the left, the national motto on the right.
    let left = 52.0;
    let right = 150.0;
    for (i, line) in bold
        .wrap(&c.issuer.name.to_uppercase(), 9.5, 90.0)
        .iter()
        .enumerate()
    {
        p.centred(line, 9.5, left, 136.0 - 4.5 * i as f32, true);
    }
    p.centred(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        9.5,
        right,
        136.0,
        true,
    );
    p.centred("Độc lập - Tự do - Hạnh phúc", 10.0, right, 131.0, true);
    let motto = bold.width("Độc lập - Tự do - Hạnh phúc", 10.0);
    p.rule(right - motto / 2.0, right + motto / 2.0, 129.5);
    p.centred(title, 20.0, width / 2.0, 112.0, true);
    // The body.
    let x = 22.0;
    let mut y = 98.0;
    let mut line = |label: &str, value: &str, strong: bool| {
        p.text(label, 11.0, x, y, false);
        let at = x + regular.width(label, 11.0) + 1.5;
        for (i, part) in regular
            .wrap(value, 11.0, width - 22.0 - at)
            .iter()
            .enumerate()
        {
            if i > 0 {
                y -= 5.5;
            }
            p.text(part, 11.0, at, y, strong);
        }
        y -= 7.0;
    };
    line("Chứng nhận:", &c.holder, true);
    line("Sinh ngày:", &day(c.birth_date), false);
    line("Đã hoàn thành chương trình:", &c.program, true);
    line(
        "Lớp:",
        &format!(
            "{} ({}), từ ngày {} đến ngày {}",
            c.class_name,
            c.class_code,
            day(c.class_start),
            day(c.class_end)
        ),
        false,
    );
    match (&c.grade, c.final_score) {
        (Some(grade), Some(score)) => line(
            "Kết quả:",
            &format!("xếp loại {grade}, điểm {}", score_vi(score)),
            false,
        ),
        (Some(grade), None) => line("Kết quả:", &format!("xếp loại {grade}"), false),
        (None, _) => line("Kết quả:", "Đạt", false),
    }
    // The date, the signer's title and name.
    p.centred(
        &dated(&c.issuer.place, c.issue_date),
        10.5,
        right,
        46.0,
        false,
    );
    p.centred(signer_title(c.issuer.kind), 10.5, right, 40.0, true);
    p.centred(&c.signer, 10.5, right, 18.0, true);
    // The number and the code that verifies it.
    p.text(&format!("Số: {}", c.number), 9.0, 12.0, 18.0, false);
    p.text(
        &format!("Mã xác thực: {}", c.verification_code),
        9.0,
        12.0,
        13.0,
        false,
    );
    finish(doc)
}

/// The master register on A4 pages, landscape: a heading, then the entries in number order, the
/// column headings on every page, the page number at the foot.
pub fn register_pdf(r: &CertificateRegister) -> Result<Vec<u8>, ApiError> {
    let (width, height) = (297.0_f32, 210.0_f32);
    let title = format!("SỔ CẤP CHỨNG CHỈ NĂM {}", r.year);
    let (doc, first_page, first_layer) =
        PdfDocument::new(title.clone(), Mm(width), Mm(height), "Trang 1");
    let regular = Font::load(&doc, REGULAR)?;
    let bold = Font::load(&doc, BOLD)?;
    // (heading, x, width) of each column, in millimetres.
    let columns: [(&str, f32, f32); 9] = [
        ("STT", 10.0, 10.0),
        ("Số hiệu", 21.0, 36.0),
        ("Họ và tên", 58.0, 44.0),
        ("Ngày sinh", 103.0, 21.0),
        ("Chương trình", 125.0, 58.0),
        ("Lớp", 184.0, 22.0),
        ("Xếp loại", 207.0, 18.0),
        ("Ngày cấp", 226.0, 21.0),
        ("Ghi chú", 248.0, 40.0),
    ];
    let rows_per_page = 22;
    let pages = r.items.len().div_ceil(rows_per_page).max(1);
    let size = 8.5;
    for page_no in 0..pages {
        let (page, layer) = if page_no == 0 {
            (first_page, first_layer)
        } else {
            doc.add_page(Mm(width), Mm(height), format!("Trang {}", page_no + 1))
        };
        let p = Page {
            layer: doc.get_page(page).get_layer(layer),
            regular: &regular,
            bold: &bold,
        };
        let mut y = height - 14.0;
        if page_no == 0 {
            p.text(&r.issuer_name.to_uppercase(), 10.0, 10.0, y, true);
            p.centred(&title, 15.0, width / 2.0, y - 10.0, true);
            y -= 20.0;
        }
        for (heading, x, _) in columns {
            p.text(heading, size, x, y, true);
        }
        p.rule(10.0, width - 10.0, y - 2.0);
        y -= 7.0;
        for (i, e) in r
            .items
            .iter()
            .enumerate()
            .skip(page_no * rows_per_page)
            .take(rows_per_page)
        {
            let cells = [
                (i + 1).to_string(),
                e.number.clone(),
                e.full_name.clone(),
                day(e.birth_date),
                e.program.clone(),
                e.class_code.clone(),
                e.grade.clone().unwrap_or_default(),
                day(e.issue_date),
                note_of(e).unwrap_or_default(),
            ];
            for ((_, x, w), text) in columns.iter().zip(cells) {
                p.text(&regular.fit(&text, size, *w), size, *x, y, false);
            }
            y -= 7.0;
        }
        if page_no + 1 == pages {
            p.text(
                &format!("Tổng số: {} chứng chỉ", r.items.len()),
                size + 1.0,
                10.0,
                y - 2.0,
                true,
            );
            let today = centers_domain::teaching::local_day(centers_db::now());
            p.centred(&dated(&r.place, today), 10.0, 230.0, y - 2.0, false);
        }
        p.centred(
            &format!("Trang {}/{}", page_no + 1, pages),
            8.0,
            width / 2.0,
            8.0,
            false,
        );
    }
    finish(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_maps_are_written_in_utf16() {
        let map = "beginbfchar\n<0d72> <1d7da>\n<0041> <0041>\nendbfchar";
        assert_eq!(
            utf16_unicode_map(map),
            "beginbfchar\n<0d72> <D835DFDA>\n<0041> <0041>\nendbfchar"
        );
    }

    #[test]
    fn dates_and_scores_are_written_the_vietnamese_way() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap_or_default();
        assert_eq!(
            dated("Quảng Xương", d),
            "Quảng Xương, ngày 6 tháng 12 năm 2026"
        );
        assert_eq!(day(d), "06/12/2026");
        assert_eq!(score_vi(7.5), "7,5");
    }

    #[test]
    fn text_is_measured_fitted_and_wrapped_with_the_font() {
        let face = ttf_parser::Face::parse(REGULAR, 0);
        assert!(face.is_ok());
        let (doc, _, _) = PdfDocument::new("t", Mm(10.0), Mm(10.0), "l");
        let Ok(font) = Font::load(&doc, REGULAR) else {
            panic!("the embedded font loads");
        };
        let wide = font.width("Bồi dưỡng nhận thức về Đảng", 10.0);
        assert!(wide > 40.0 && wide < 70.0, "{wide}");
        assert!(
            font.width("Đ", 10.0) > 0.0,
            "the font has Vietnamese letters"
        );
        let cut = font.fit("Bồi dưỡng nhận thức về Đảng", 10.0, 30.0);
        assert!(
            cut.ends_with('…') && font.width(&cut, 10.0) <= 30.0,
            "{cut}"
        );
        let lines = font.wrap("Trung tâm Chính trị thành phố Thanh Hóa", 10.0, 40.0);
        assert!(
            lines.len() > 1
                && lines
                    .iter()
                    .all(|l| font.width(l, 10.0) <= 40.0 || !l.contains(' '))
        );
    }
}
