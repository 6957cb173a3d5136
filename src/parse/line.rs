//! The line classifier: what one (cleaned, trimmed) line of a dump is.
//!
//! Classification looks at the line alone; what a line means in its place
//! (a headline, a caption, a paragraph) is the state machine's business.

use chrono::{DateTime, FixedOffset};

use super::dateline::parse_dateline;

/// Lines longer than this are always text: headers, credits and datelines
/// are short, and not lowercasing long paragraphs keeps the parser fast.
const SHORT: usize = 100;

/// What kind of list a list header opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListKind {
    /// `"Politics" POPULAR ARTICLE`, with the section it names.
    Popular(Option<String>),
    /// `JN ACCESS RANKING`, `Most Read`.
    Ranking,
    /// A block of page furniture whose items are not the article's:
    /// `JN TOP STORIES`, `Latest Articles`, `Related Tags`.
    Other,
}

/// One line, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line<'a> {
    Blank,
    /// A line holding only `-`: the next line is a list item.
    Dash,
    /// `- Title`: a list item on one line.
    DashItem(&'a str),
    Dateline(DateTime<FixedOffset>),
    ListHeader(ListKind),
    /// A photo credit or news agency line.
    Credit,
    /// A breadcrumb such as `Home>Sports>Baseball`, with its section (or "").
    Breadcrumb(&'a str),
    /// Site navigation, a topic hashtag or a scraper's metadata: furniture
    /// before the headline, ordinary text inside the body.
    Navigation,
    /// Page furniture that is never part of the article.
    Furniture,
    Text(&'a str),
}

pub fn classify(line: &str) -> Line<'_> {
    if line.is_empty() {
        return Line::Blank;
    }
    if line == "-" {
        return Line::Dash;
    }
    if line.len() > SHORT {
        return Line::Text(line);
    }
    if let Some(date) = parse_dateline(line) {
        return Line::Dateline(date);
    }
    let lower = line.to_lowercase();
    let bare = lower.trim_end_matches([':', '.']).trim_end();
    if let Some(kind) = list_header(line, bare) {
        return Line::ListHeader(kind);
    }
    if is_furniture(bare) {
        return Line::Furniture;
    }
    if is_credit(&lower) {
        return Line::Credit;
    }
    if let Some(crumb) = breadcrumb(line) {
        return Line::Breadcrumb(crumb);
    }
    if is_navigation(line, &lower) {
        return Line::Navigation;
    }
    if let Some(item) = line.strip_prefix("- ") {
        return Line::DashItem(item.trim_start());
    }
    Line::Text(line)
}

fn list_header(line: &str, bare: &str) -> Option<ListKind> {
    for suffix in [" popular articles", " popular article"] {
        if let Some(head) = bare.strip_suffix(suffix) {
            let name = line[..head.len()].trim();
            let name = name
                .trim_start_matches(['"', '\u{201c}', '\'', '\u{2018}'])
                .trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}'])
                .trim();
            return Some(ListKind::Popular(
                (!name.is_empty()).then(|| name.to_owned()),
            ));
        }
    }
    match bare {
        "popular article" | "popular articles" | "most popular" => Some(ListKind::Popular(None)),
        b if b.starts_with("popular articles in the past") => Some(ListKind::Popular(None)),
        "jn access ranking" | "access ranking" | "most read" | "most viewed" => {
            Some(ListKind::Ranking)
        }
        "jn top stories"
        | "top stories"
        | "latest articles"
        | "latest news"
        | "related tags"
        | "related articles"
        | "recommended"
        | "recommended articles"
        | "pickup"
        | "more" => Some(ListKind::Other),
        _ => None,
    }
}

fn is_furniture(bare: &str) -> bool {
    matches!(
        bare,
        "see all"
            | "see more"
            | "read more"
            | "advertisement"
            | "share"
            | "print"
            | "click to enlarge"
            | "add thejapannews to your google news feed"
            | "add the japan news to your google news feed"
    ) || bare.starts_with("copyright ")
        || bare.starts_with('\u{a9}')
        || [".jpg", ".jpeg", ".png", ".gif", ".webp"]
            .iter()
            .any(|ext| bare.ends_with(ext) && !bare.contains(' '))
}

/// News agencies whose name alone on a line is a credit.
const AGENCIES: [&str; 14] = [
    "the yomiuri shimbun",
    "yomiuri shimbun",
    "ap",
    "afp",
    "reuters",
    "jiji press",
    "jiji",
    "kyodo",
    "kyodo news",
    "afp-jiji",
    "ap-jiji",
    "reuters-jiji",
    "bloomberg",
    "getty images",
];

fn is_credit(lower: &str) -> bool {
    if lower.len() > 80 || lower.ends_with(['.', '?', '!', '"', '\u{201d}', ':']) {
        return AGENCIES.contains(&lower.trim_end_matches('.'));
    }
    AGENCIES.contains(&lower)
        || lower.contains("yomiuri shimbun")
        || lower.ends_with("file photo")
        || lower.starts_with("courtesy of ")
        || lower.starts_with("photo by ")
        || lower.starts_with("photo: ")
        || (memchr::memchr(b'/', lower.as_bytes()).is_some()
            && lower
                .rsplit_once(" / ")
                .is_some_and(|(_, credit)| AGENCIES.contains(&credit)))
}

/// `Home>Sports>Baseball` (also with `›` or `»`, and spaces): the section is
/// the part after `Home`, empty when there is none.
fn breadcrumb(line: &str) -> Option<&str> {
    if !line
        .get(..4)
        .is_some_and(|start| start.eq_ignore_ascii_case("home"))
    {
        return None;
    }
    let mut parts = line.split(['>', '\u{203a}', '\u{bb}']).map(str::trim);
    let first = parts.next()?;
    if !first.eq_ignore_ascii_case("home") || !line.contains(['>', '\u{203a}', '\u{bb}']) {
        return None;
    }
    Some(parts.next().unwrap_or(""))
}

fn is_navigation(line: &str, lower: &str) -> bool {
    let hashtag = line.len() <= 60
        && line.starts_with('#')
        && line[1..].chars().next().is_some_and(char::is_alphabetic);
    let metadata = [
        "url:",
        "source:",
        "scraped",
        "retrieved",
        "fetched",
        "saved from",
        "archived",
    ]
    .iter()
    .any(|key| lower.starts_with(key))
        || lower.starts_with("http://")
        || lower.starts_with("https://");
    hashtag || metadata || lower.starts_with("hot word")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_dash_and_dash_items() {
        assert_eq!(classify("-"), Line::Dash);
        assert_eq!(classify("- Yen Falls"), Line::DashItem("Yen Falls"));
        assert_eq!(classify("-"), Line::Dash);
    }

    #[test]
    fn popular_headers_name_their_section() {
        for (line, section) in [
            ("\"Politics\" POPULAR ARTICLE", "Politics"),
            ("“Science & Nature” POPULAR ARTICLE", "Science & Nature"),
            ("\"World\" Popular Articles", "World"),
        ] {
            assert_eq!(
                classify(line),
                Line::ListHeader(ListKind::Popular(Some(section.into()))),
                "{line}"
            );
        }
        assert_eq!(
            classify("Popular articles in the past 24 hours"),
            Line::ListHeader(ListKind::Popular(None))
        );
        assert_eq!(
            classify("Popular Articles"),
            Line::ListHeader(ListKind::Popular(None))
        );
    }

    #[test]
    fn ranking_and_other_headers() {
        assert_eq!(
            classify("JN ACCESS RANKING"),
            Line::ListHeader(ListKind::Ranking)
        );
        assert_eq!(classify("Most Read"), Line::ListHeader(ListKind::Ranking));
        for line in ["JN TOP STORIES", "Latest Articles", "Related Tags"] {
            assert_eq!(classify(line), Line::ListHeader(ListKind::Other), "{line}");
        }
    }

    #[test]
    fn photo_credits() {
        for line in [
            "The Yomiuri Shimbun",
            "Yomiuri Shimbun file photo",
            "Yomiuri Shimbun photos / Taro Sato, Hana Ito",
            "Kenji Mori / The Yomiuri Shimbun",
            "AP",
            "Jiji Press",
            "Reuters",
        ] {
            assert_eq!(classify(line), Line::Credit, "{line}");
        }
        assert!(matches!(
            classify("The Yomiuri Shimbun reported the figures on Monday, citing officials."),
            Line::Text(_)
        ));
    }

    #[test]
    fn navigation_before_the_headline() {
        assert_eq!(classify("Home>Sports>Baseball"), Line::Breadcrumb("Sports"));
        assert_eq!(classify("Home › Business"), Line::Breadcrumb("Business"));
        for line in [
            "Hot word : Ohtani, Yen",
            "#World Baseball Classic",
            "Source: https://example.com/a/1",
            "https://example.com/a/1",
        ] {
            assert_eq!(classify(line), Line::Navigation, "{line}");
        }
        assert!(matches!(classify("#1 seed wins"), Line::Text(_)));
    }

    #[test]
    fn page_furniture() {
        for line in [
            "Add TheJapanNews to your Google News feed.",
            "See all",
            "Copyright The Yomiuri Shimbun",
        ] {
            assert_eq!(classify(line), Line::Furniture, "{line}");
        }
    }

    #[test]
    fn long_lines_are_text() {
        let long = "JN ACCESS RANKING ".repeat(20);
        assert!(matches!(classify(long.trim()), Line::Text(_)));
    }
}
