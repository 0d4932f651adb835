//! The built site as a whole, for the build step (`src/bin/course_pages.rs`): the security policy
//! every page carries, Trunk's inline start script taken out (`assets/course.js` starts the page
//! module, so the policy needs no `'unsafe-inline'`), and the offline worker that keeps every
//! file of one release.
//!
//! Nothing here runs in the browser; the worker's text is written here and served as `sw.js`.

/// The Content-Security-Policy of every page: the site's own origin, plus compiling WebAssembly.
/// No inline script or style, no other origin, no plug-ins, no `<base>` and no form posts.
/// `frame-ancestors` is left out: a `<meta>` cannot carry it, and teachers embed lessons.
pub const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
     object-src 'none'; base-uri 'self'; form-action 'none'";

/// The name of the `<meta>` that tells `assets/course.js` where the offline worker is.
pub const WORKER_META: &str = "offline-worker";
/// The worker's file, at the site's root so that its scope is the whole site.
pub const WORKER_FILE: &str = "sw.js";
/// Every cache the worker makes starts with this; a new release drops the others that do.
pub const CACHE_PREFIX: &str = "lstm-explorer-offline-";

/// FNV-1a, 64 bits: a stable fingerprint of bytes, the same on every machine and every build.
fn fingerprint(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The head without the start script Trunk writes inline (it imports the page module's glue and
/// starts it): `assets/course.js` starts the module instead, from the glue Trunk preloads, so
/// that no inline script is left for the policy to allow. Other scripts stay; a head whose
/// inline module script does not start the page module is an error (Trunk changed).
pub fn drop_start_script(head: &str) -> Result<String, String> {
    let mut from = 0;
    while let Some(i) = head[from..].find("<script").map(|i| from + i) {
        let open_end = head[i..].find('>').map(|e| i + e + 1).ok_or("a <script> tag is not closed")?;
        let close =
            head[open_end..].find("</script>").map(|e| open_end + e).ok_or("a <script> has no </script>")?;
        let (tag, text) = (&head[i..open_end], &head[open_end..close]);
        if tag.contains(r#"type="module""#) && !tag.contains("src=") {
            if !(text.contains("lstm-explorer") && text.contains("init")) {
                return Err(format!("an inline module script that does not start the page module: {text}"));
            }
            return Ok(format!("{}{}", &head[..i], &head[close + "</script>".len()..]));
        }
        from = close;
    }
    Err("no inline start script in the head (Trunk changed how it starts the page module)".into())
}

/// The head with the policy and the offline worker's `<meta>`, right after `<meta charset>` (a
/// policy applies only to what comes after it).
pub fn with_policy(head: &str) -> Result<String, String> {
    let tags = format!(
        r#"<meta http-equiv="Content-Security-Policy" content="{POLICY}"><meta name="{WORKER_META}" content="./{WORKER_FILE}">"#
    );
    let at = head.find("<meta charset").ok_or("the head has no <meta charset>")?;
    let end = head[at..].find('>').map(|e| at + e + 1).ok_or("<meta charset> is not closed")?;
    Ok(format!("{}{tags}{}", &head[..end], &head[end..]))
}

/// The offline worker for a built site whose files (paths relative to the site's root, with `/`,
/// and their bytes) are `files`. The cache's name is a fingerprint of every file, so any change
/// makes a new cache, and the old one is dropped when the new worker takes over.
pub fn offline_worker(files: &[(String, Vec<u8>)]) -> String {
    let mut files: Vec<&(String, Vec<u8>)> = files.iter().filter(|(p, _)| p != WORKER_FILE).collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let parts: Vec<&[u8]> = files.iter().flat_map(|(p, b)| [p.as_bytes(), b.as_slice()]).collect();
    let cache = format!("{CACHE_PREFIX}{:016x}", fingerprint(&parts));
    let list: Vec<String> = std::iter::once("'./'".to_string())
        .chain(files.iter().map(|(p, _)| format!("'./{}'", p.replace('\\', "/").replace('\'', "%27"))))
        .collect();
    WORKER_TEXT
        .replace("__CACHE__", &cache)
        .replace("__PREFIX__", CACHE_PREFIX)
        .replace("__FILES__", &list.join(","))
}

/// The worker, with the cache's name, its prefix and its files filled in by [`offline_worker`].
/// Every file is fetched past the browser's HTTP cache when a release is installed. A file the
/// host answers with a redirect (hosts with "pretty URLs" send `x.html` to `x`) is kept as a plain
/// response, since a browser refuses a redirected one for a page, under its own name and under the
/// address it was sent to, which the learner then sees. Requests are answered from the release's
/// cache first (whatever their query string: the files have none of their own, the pages' query
/// is the view), else from the network. A new release waits until no tab shows the old one, so a
/// page never mixes two releases' files; it then deletes the old caches.
const WORKER_TEXT: &str = r"// LSTM Explorer's offline worker, written by the build (src/site.rs): do not edit.
const CACHE = '__CACHE__';
const FILES = [__FILES__];
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => Promise.all(FILES.map((f) => fetch(new Request(f, { cache: 'reload' }))
    .then((r) => {
      if (!r.ok) throw new Error(`${f}: ${r.status}`);
      if (!r.redirected) return c.put(f, r);
      // The body arrives decoded: of the headers only its type still holds.
      const type = { 'content-type': r.headers.get('content-type') ?? 'application/octet-stream' };
      return r.blob().then((body) => Promise.all([f, r.url].map((k) => c.put(k, new Response(body, { headers: type })))));
    }))))
    // A release that could not keep every file keeps none.
    .catch((err) => caches.delete(CACHE).then(() => { throw err; })));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('__PREFIX__') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});
self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== location.origin) return;
  e.respondWith(caches.open(CACHE)
    .then((c) => c.match(req, { ignoreSearch: true }))
    .then((hit) => hit || fetch(req)));
});
";

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = concat!(
        r#"<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>x</title>"#,
        r#"<script src="./course-1.js" defer></script>"#,
        r#"<script type="module">import init from './lstm-explorer-9.js';await init();</script>"#,
        "</head>"
    );

    #[test]
    fn the_inline_start_script_goes_and_every_other_script_stays() {
        let head = drop_start_script(HEAD).unwrap();
        assert!(!head.contains("await init") && !head.contains(r#"<script type="module">"#), "{head}");
        assert!(head.contains(r#"<script src="./course-1.js" defer></script>"#), "other scripts kept");
        // Trunk's live-reload script (make serve) is not the start script: it stays.
        let served =
            HEAD.replace("</head>", "<script>(function(){ new WebSocket('ws://x') })()</script></head>");
        assert!(drop_start_script(&served).unwrap().contains("WebSocket"));
    }

    #[test]
    fn a_head_without_the_start_script_or_with_another_module_is_an_error() {
        assert!(drop_start_script(r#"<head><script src="a.js"></script></head>"#).is_err());
        assert!(drop_start_script(r#"<head><script type="module">alert(1)</script></head>"#).is_err());
        assert!(drop_start_script("<head><script type=\"module\">x").is_err());
    }

    #[test]
    fn the_policy_comes_right_after_the_charset_and_allows_only_the_own_origin() {
        let head = with_policy(HEAD).unwrap();
        let charset = head.find("<meta charset").unwrap();
        let policy = head.find("Content-Security-Policy").unwrap();
        assert!(
            charset < policy
                && policy < head.find("<title>").unwrap()
                && policy < head.find("<script").unwrap()
        );
        assert!(
            !POLICY.contains("unsafe-inline")
                && !POLICY.contains("'unsafe-eval'")
                && !POLICY.contains("http")
        );
        assert!(POLICY.contains("'wasm-unsafe-eval'"));
        assert!(head.contains(r#"<meta name="offline-worker" content="./sw.js">"#));
        assert!(with_policy("<head><title>x</title></head>").is_err());
    }

    #[test]
    fn the_worker_lists_every_file_and_its_cache_changes_with_any_byte() {
        let files = vec![
            ("index.html".to_string(), b"<html>".to_vec()),
            ("models/a.json".to_string(), b"{}".to_vec()),
            ("sw.js".to_string(), b"old".to_vec()),
        ];
        let sw = offline_worker(&files);
        assert!(sw.contains("const FILES = ['./','./index.html','./models/a.json'];"), "{sw}");
        assert!(!sw.contains("__"), "every blank filled: {sw}");
        let cache = |s: &str| s.lines().find(|l| l.starts_with("const CACHE")).unwrap().to_string();
        // The worker's own file does not count; any other byte does.
        let mut same = files.clone();
        same[2].1 = b"new".to_vec();
        assert_eq!(cache(&offline_worker(&same)), cache(&sw));
        let mut changed = files.clone();
        changed[1].1 = b"{ }".to_vec();
        assert_ne!(cache(&offline_worker(&changed)), cache(&sw));
        // The order the files were listed in does not matter.
        let mut shuffled = files.clone();
        shuffled.reverse();
        assert_eq!(offline_worker(&shuffled), sw);
    }
}
