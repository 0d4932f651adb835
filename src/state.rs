//! What the page's URL says: which lesson, which language. Parsing is lenient — an unknown or
//! malformed value falls back to its default, so every URL opens a working page — and the
//! configuration writes itself back, so a view can be shared by copying the address.

use crate::lessons::{self, Lang};

/// The state a URL carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// The language of the page.
    pub lang: Lang,
    /// The id of the open lesson.
    pub lesson: &'static str,
}

impl Default for Config {
    fn default() -> Self {
        Self { lang: Lang::default(), lesson: lessons::COURSE[0].id }
    }
}

/// One URL property: its key, how to read it into a config, how to write it out.
struct Property {
    key: &'static str,
    read: fn(&mut Config, &str),
    write: fn(&Config) -> String,
}

/// Every property the URL knows, in the order they are written.
const PROPERTIES: &[Property] = &[
    Property {
        key: "lesson",
        read: |c, v| {
            if let Some(l) = lessons::find(v) {
                c.lesson = l.id;
            }
        },
        write: |c| c.lesson.to_string(),
    },
    Property {
        key: "lang",
        read: |c, v| {
            if let Some(l) = Lang::from_code(v) {
                c.lang = l;
            }
        },
        write: |c| c.lang.code().to_string(),
    },
];

impl Config {
    /// Reads a query string (with or without the leading `?`). Unknown keys and bad values are
    /// ignored.
    pub fn from_query(query: &str) -> Self {
        let mut config = Self::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            if let Some(p) = PROPERTIES.iter().find(|p| p.key == key) {
                (p.read)(&mut config, value);
            }
        }
        config
    }

    /// The query string (with its `?`) that reproduces this configuration.
    pub fn to_query(&self) -> String {
        let pairs: Vec<String> =
            PROPERTIES.iter().map(|p| format!("{}={}", p.key, (p.write)(self))).collect();
        format!("?{}", pairs.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_config_reads_back_unchanged() {
        let config = Config { lang: Lang::En, lesson: "rnn-cell" };
        assert_eq!(Config::from_query(&config.to_query()), config);
    }

    #[test]
    fn garbage_in_the_url_falls_back_to_defaults() {
        let odd = ["", "?", "?lang=xx&lesson=%00", "lesson", "?lesson=rnn-cell=extra&&&", "?lang=EN"];
        let parsed: Vec<Config> = odd.iter().map(|q| Config::from_query(q)).collect();
        assert_eq!(parsed[0], Config::default());
        assert_eq!(parsed[1], Config::default());
        assert_eq!(parsed[2], Config::default());
        assert_eq!(parsed[3], Config::default());
        assert_eq!(parsed[4], Config::default());
        assert_eq!(parsed[5].lang, Lang::En);
    }
}
