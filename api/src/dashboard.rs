//! The province's dashboard (`api/dashboard/`: plain HTML, CSS and one JavaScript module, no
//! build step), embedded in the binary and served at `/dashboard/`, so that a province needs
//! nothing but the server to see its picture. The pages call only this API, with the caller's
//! token; what each role sees is what the API lets it read.

use crate::error::ApiError;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "dashboard/"]
struct Assets;

/// Where the dashboard is served.
pub const PREFIX: &str = "/dashboard";

/// The dashboard's Content-Security-Policy: its own scripts and styles only (no inline script or
/// style), this API only, never framed.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
                       img-src 'self' data:; connect-src 'self'; font-src 'self'; \
                       frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("md") => "text/markdown; charset=utf-8",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// One file of the dashboard (`index.html` for the folder itself), revalidated by its hash.
pub async fn serve(req: HttpRequest, path: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let path = path.into_inner();
    let path = if path.is_empty() {
        "index.html"
    } else {
        path.as_str()
    };
    let file = Assets::get(path).ok_or(ApiError::NotFound)?;
    let etag = format!("\"{}\"", hex::encode(file.metadata.sha256_hash()));
    if crate::http::none_match(&req, &etag) {
        return Ok(HttpResponse::NotModified()
            .insert_header((header::ETAG, etag))
            .finish());
    }
    Ok(HttpResponse::Ok()
        .content_type(content_type(path))
        .insert_header((header::ETAG, etag))
        // Served again only after asking: a new version of the server shows at once.
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .body(file.data.into_owned()))
}

/// The folder without its slash, and the server's root: to the dashboard.
pub async fn to_dashboard() -> HttpResponse {
    HttpResponse::Found()
        .insert_header((header::LOCATION, "/dashboard/"))
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_embedded_with_its_type_and_the_page_has_no_inline_code() {
        let names: Vec<String> = Assets::iter().map(|n| n.to_string()).collect();
        for needed in ["index.html", "app.js", "style.css", "vendor/chart.umd.js"] {
            assert!(names.iter().any(|n| n == needed), "{needed} in {names:?}");
        }
        assert_eq!(content_type("app.js"), "text/javascript; charset=utf-8");
        let index = Assets::get("index.html")
            .map(|f| f.data.into_owned())
            .unwrap_or_default();
        let index = String::from_utf8(index).unwrap_or_default();
        // The CSP forbids inline code: every script has a src, no style attribute or element.
        assert!(
            !index.contains("<script>") && !index.contains("style="),
            "{index}"
        );
        assert!(!index.contains("<style"));
        // The page's own assets stay small (the chart library included): under 500 KB.
        let total: usize = Assets::iter()
            .filter_map(|n| Assets::get(&n).map(|f| f.data.len()))
            .sum();
        assert!(total < 500 * 1024, "{total} bytes");
    }
}
