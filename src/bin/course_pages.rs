//! Writes the course's static pages into a built site: one `{lesson}.html` per lesson (the first
//! lesson is `index.html`), the glossary and the teachers' page, each Trunk's `index.html` head
//! with the page's whole text.
//! Trunk runs it after every build (Trunk.toml); by hand: `cargo run --bin course-pages -- dist`.

use std::path::PathBuf;
use std::process::ExitCode;

use lstm_explorer::lessons::html::{Page, page};

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("dist"));
    let template_path = dir.join("index.html");
    let template = match std::fs::read_to_string(&template_path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("course-pages: cannot read {}: {e}", template_path.display());
            return ExitCode::FAILURE;
        }
    };
    let pages = Page::all();
    for p in &pages {
        let html = match page(&template, *p) {
            Ok(h) => h,
            Err(e) => {
                eprintln!("course-pages: {}: {e}", template_path.display());
                return ExitCode::FAILURE;
            }
        };
        let path = dir.join(p.file());
        if let Err(e) = std::fs::write(&path, html) {
            eprintln!("course-pages: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!("course-pages: {} pages written to {}", pages.len(), dir.display());
    ExitCode::SUCCESS
}
