//! Writes the course's static pages into a built site: one `{lesson}.html` per lesson (the first
//! lesson is `index.html`), each Trunk's `index.html` head with that lesson's whole text.
//! Trunk runs it after every build (Trunk.toml); by hand: `cargo run --bin course-pages -- dist`.

use std::path::PathBuf;
use std::process::ExitCode;

use lstm_explorer::lessons::COURSE;
use lstm_explorer::lessons::html::{file_name, page};

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
    for lesson in COURSE {
        let html = match page(&template, lesson) {
            Ok(h) => h,
            Err(e) => {
                eprintln!("course-pages: {}: {e}", template_path.display());
                return ExitCode::FAILURE;
            }
        };
        let path = dir.join(file_name(lesson));
        if let Err(e) = std::fs::write(&path, html) {
            eprintln!("course-pages: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!("course-pages: {} lessons written to {}", COURSE.len(), dir.display());
    ExitCode::SUCCESS
}
