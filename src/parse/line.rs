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
    /// `By Name and Name / Yomiuri Shimbun Staff Writers`.
    Byline,
    /// A line naming an image file: what an image attachment page shows.
    ImageFile,
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
        return if is_notice(line) {
            Line::Furniture
        } else {
            Line::Text(line)
        };
    }
    if let Some(date) = parse_dateline(line) {
        return Line::Dateline(date);
    }
    // lowered on the stack for the common ASCII line
    let mut buffer = [0u8; SHORT];
    let owned;
    let lower: &str = if line.is_ascii() {
        let buffer = &mut buffer[..line.len()];
        buffer.copy_from_slice(line.as_bytes());
        buffer.make_ascii_lowercase();
        std::str::from_utf8(buffer).unwrap_or_default()
    } else {
        owned = line.to_lowercase();
        &owned
    };
    let bare = lower.trim_end_matches([':', '.']).trim_end();
    if let Some(kind) = list_header(line, bare) {
        return Line::ListHeader(kind);
    }
    if is_image_file(bare) {
        return Line::ImageFile;
    }
    if is_furniture(bare) || is_notice(line) || is_tool_furniture(line) || is_relative_time(bare) {
        return Line::Furniture;
    }
    if is_byline(line) {
        return Line::Byline;
    }
    if is_credit(lower) {
        return Line::Credit;
    }
    if is_masthead(line) {
        return Line::Furniture;
    }
    if let Some(crumb) = breadcrumb(line) {
        return Line::Breadcrumb(crumb);
    }
    if is_navigation(line, lower) {
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
        b if b.starts_with("top articles in ") => {
            let name = line["top articles in ".len()..bare.len()].trim();
            Some(ListKind::Popular(
                (!name.is_empty()).then(|| name.to_owned()),
            ))
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
        | "more"
        | "new contents"
        | "the japan news weekly"
        | "weekly edition"
        | "editor's picks"
        | "trending" => Some(ListKind::Other),
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
            | "post"
            | "tweet"
            | "print"
            | "email"
            | "copy link"
            | "copy url"
            | "logo"
            | "click to enlarge"
            | "add thejapannews to your google news feed"
            | "add the japan news to your google news feed"
            | "the japan news"
            | "the japan news by the yomiuri shimbun"
            | "accept all"
            | "reject all"
            | "accept all reject all"
            | "cookie policy"
            | "cookie settings"
            | "subscribe now"
            | "subscribe"
            | "log in"
            | "login"
            | "sign in"
            | "register"
            | "about us"
            | "terms of use"
            | "privacy policy"
            | "contact us"
            | "site map"
            | "sitemap"
            | "faq"
            | "advertise"
            | "advertising"
    ) || bare.starts_with("copyright ")
        || bare.starts_with('\u{a9}')
        || bare.starts_with("(c) ")
        || bare.starts_with("read the best of the week")
}

/// A paper's name in capitals above its article: `THE JAPAN TIMES`.
fn is_masthead(line: &str) -> bool {
    if line.len() > 40 {
        return false;
    }
    let words = line.split_whitespace().count();
    (2..=5).contains(&words)
        && line.bytes().any(|b| b.is_ascii_uppercase())
        && line
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b" &'.-".contains(&b))
}

/// An image file's name alone on a line: `20241013-OYT1I50041-1.jpg`.
fn is_image_file(bare: &str) -> bool {
    [".jpg", ".jpeg", ".png", ".gif", ".webp"]
        .iter()
        .any(|ext| bare.ends_with(ext) && !bare.contains(' '))
}

/// A notice a site shows over its pages: ad blocking, cookies.
fn is_notice(line: &str) -> bool {
    // a notice says what it is about in its first words, and both words
    // have a `k`: lines without one there are passed over at byte speed
    let bytes = &line.as_bytes()[..line.len().min(120)];
    let about = memchr::memchr_iter(b'k', bytes).any(|at| {
        bytes[..at].ends_with(b"loc")
            || (bytes[..at].ends_with(b"oo") && bytes.get(at + 1..at + 3) == Some(b"ie"))
    });
    if !about {
        return false;
    }
    let ad_block = [
        "ad block", "ad-block", "adblock", "Ad block", "Ad-block", "Adblock",
    ]
    .iter()
    .any(|words| line.contains(words));
    let cookies = (line.contains("cookies") || line.contains("Cookies"))
        && (line.contains("ccept") || line.contains("use of cookies") || line.contains("we use"));
    ad_block || cookies
}

/// What text renderers make of a page's controls: `(BUTTON)`, lynx's
/// `IFRAME:` lines, form fields drawn with `____` or `[    ]`.
fn is_tool_furniture(line: &str) -> bool {
    super::markup::is_image_line(line)
        || line.contains("(BUTTON)")
        || line.starts_with("IFRAME:")
        || line.starts_with("____")
        || (line.starts_with('[') && line.contains("   ]"))
}

/// An aggregator's `Source · 3 hours ago` or `Yomiuri Shimbun3 hours ago`.
fn is_relative_time(bare: &str) -> bool {
    let Some(head) = bare.strip_suffix(" ago") else {
        return false;
    };
    let head = head.trim_end_matches('s');
    let Some(number) = ["second", "minute", "hour", "day", "week", "month", "year"]
        .iter()
        .find_map(|unit| head.strip_suffix(unit))
    else {
        return false;
    };
    number.trim_end().ends_with(|c: char| c.is_ascii_digit()) && bare.len() <= 80
}

/// `By Name and Name / Yomiuri Shimbun Staff Writers`, `By Name`: a name
/// after "By", not a sentence that starts with the word.
fn is_byline(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("By ") else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let named = words
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let staff = rest.contains(" / ")
        || rest.ends_with("Writer")
        || rest.ends_with("Writers")
        || rest.ends_with("Correspondent")
        || rest.ends_with("Correspondents");
    named && !rest.contains(',') && (staff || (words.len() <= 6 && !rest.ends_with('.')))
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
mod tests;
