//! The build step that turns what Trunk built into the site (Trunk runs it after every build,
//! Trunk.toml):
//! - `course-pages DIR` writes the course's static pages into `DIR`: one `{lesson}.html` per
//!   lesson (the first lesson is `index.html`), the glossary and the teachers' page, each Trunk's
//!   `index.html` head (without its inline start script: `assets/course.js` starts the page
//!   module) with the page's whole text, and the explorer's "bring your own" panel
//!   (`parts/bring.html`), which its script fetches once the scene is there. In a release build (`TRUNK_PROFILE=release`,
//!   or `--release`) every page carries the Content-Security-Policy and the offline worker's
//!   `<meta>` (`src/site.rs`).
//! - `course-pages --offline DIR` writes `DIR/sw.js`, the offline worker that caches every file
//!   of the build; it runs last, after the scripts are minified.
//!
//! By hand: `cargo run --bin course-pages -- [--release] dist`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lstm_explorer::lessons::bring;
use lstm_explorer::lessons::html::{Page, page};
use lstm_explorer::site;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |f: &str| args.iter().any(|a| a == f);
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("dist"));
    let release = flag("--release") || std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release");
    let done = if flag("--offline") { write_worker(&dir) } else { write_pages(&dir, release) };
    match done {
        Ok(said) => {
            println!("course-pages: {said}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("course-pages: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn write_pages(dir: &Path, release: bool) -> Result<String, String> {
    let template_path = dir.join("index.html");
    let mut template = std::fs::read_to_string(&template_path)
        .map_err(|e| format!("cannot read {}: {e}", template_path.display()))?;
    let at = |e: String| format!("{}: {e}", template_path.display());
    template = site::drop_start_script(&template).map_err(at)?;
    if release {
        template = site::with_policy(&template).map_err(at)?;
    }
    let pages = Page::all();
    for p in &pages {
        write(&dir.join(p.file()), &page(&template, *p).map_err(at)?)?;
    }
    let panel = dir.join(bring::PANEL_FILE);
    if let Some(parent) = panel.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    write(&panel, &bring::panel())?;
    Ok(format!("{} pages written to {}", pages.len(), dir.display()))
}

/// Every file under `dir`, as a path relative to it (with `/`) and its bytes.
fn files_under(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, &format!("{prefix}{name}/"), out)?;
        } else {
            let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            out.push((format!("{prefix}{name}"), bytes));
        }
    }
    Ok(())
}

fn write_worker(dir: &Path) -> Result<String, String> {
    let mut files = Vec::new();
    files_under(dir, "", &mut files)?;
    write(&dir.join(site::WORKER_FILE), &site::offline_worker(&files))?;
    Ok(format!("{} written: {} files kept offline", site::WORKER_FILE, files.len()))
}
