//! The markup renderers put around text, taken out: bullets, Markdown
//! headings, links, images and emphasis, lynx's `[12]` link numbers, and
//! image placeholders. What is left is the text a reader saw, with the
//! address a line links to kept beside it.

use std::borrow::Cow;
use std::collections::HashMap;

use super::render::{Mark, Unit};

/// The bullets renderers put before list items.
const BULLETS: [char; 10] = ['*', '+', '-', '•', '□', '◦', '○', '■', '▪', '·'];

/// A list item's bullet and what follows it: `* item`, `  • item`,
/// `1. item`, `2) item`.
pub fn bullet(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    let mut chars = trimmed.char_indices();
    let (_, first) = chars.next()?;
    if BULLETS.contains(&first) {
        let rest = &trimmed[first.len_utf8()..];
        return match rest.chars().next() {
            // a bullet alone: the item's text is on the next line (lynx)
            None if first != '-' => Some(""),
            Some(' ') => Some(rest.trim_start()),
            _ => None,
        };
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &trimmed[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(rest.trim_start());
        }
    }
    None
}

/// Whether a line is an image and nothing else.
pub fn is_image_line(line: &str) -> bool {
    let line = line.trim();
    if line.starts_with("![") && line.ends_with(')') && line.find("](").is_some() {
        return true;
    }
    placeholder(line)
}

/// `[img]`, `[IMG]`, `[image]`, or w3m's `[name]` for an image's file name.
fn placeholder(line: &str) -> bool {
    let Some(inner) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) else {
        return false;
    };
    let lower = inner.to_ascii_lowercase();
    matches!(lower.as_str(), "img" | "image" | "photo" | "logo")
        || (!inner.is_empty()
            && inner.len() <= 80
            && !inner.contains(' ')
            && inner.chars().any(|c| c.is_ascii_digit())
            && inner
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)))
}

/// A logical line with its markup taken out.
pub fn reduce<'a>(
    line: usize,
    raw: &str,
    markdown: bool,
    references: &HashMap<u32, String>,
) -> Unit<'a> {
    let mut text = raw.trim();
    let mut mark = Mark::Plain;
    if is_image_line(text) {
        return Unit {
            text: Cow::Owned(String::new()),
            line,
            mark: Mark::Image,
            url: None,
        };
    }
    if let Some(rest) = bullet(text) {
        text = rest;
        mark = Mark::Bullet;
    }
    if markdown {
        let hashes = text.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && text[hashes..].starts_with(' ') {
            text = text[hashes..].trim_start();
            // `* ### Title`: an item whose title is a heading stays an item
            if mark == Mark::Plain {
                mark = Mark::Heading(hashes as u8);
            }
        }
    }
    let mut url = None;
    let without_images = if markdown {
        strip_images(text)
    } else {
        Cow::Borrowed(text)
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = without_images.as_ref();
    while !rest.is_empty() {
        if markdown && let Some((shown, target, after)) = markdown_link(rest) {
            if url.is_none() && !target.is_empty() && !shown.is_empty() {
                url = Some(target.to_owned());
            }
            out.push_str(shown);
            rest = after;
        } else if let Some((number, after)) = link_number(rest) {
            if url.is_none() {
                url = references.get(&number).cloned();
            }
            rest = after;
        } else {
            let next = rest.chars().next().map_or(1, char::len_utf8);
            out.push_str(&rest[..next]);
            rest = &rest[next..];
        }
    }
    let mut text = if markdown { unemphasise(&out) } else { out };
    // a link is the line's when it is most of it: a list item, a heading
    if url.is_some() && text.trim().is_empty() && mark != Mark::Bullet {
        url = None;
    }
    if text.ends_with("  ") {
        text.truncate(text.trim_end().len());
    }
    Unit {
        text: Cow::Owned(text.trim().to_owned()),
        line,
        mark,
        url,
    }
}

/// `text` with its Markdown images (`![alt](url)`) taken out, those inside
/// links too.
fn strip_images(text: &str) -> Cow<'_, str> {
    if !text.contains("![") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("![") {
        out.push_str(&rest[..at]);
        if let Some((_, _, after)) = markdown_link(&rest[at..]) {
            rest = after;
        } else {
            out.push_str("![");
            rest = &rest[at + 2..];
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A Markdown link or image at the start of `text`: what it shows (nothing
/// for an image), where it leads, and the text after it.
fn markdown_link(text: &str) -> Option<(&str, &str, &str)> {
    let image = text.starts_with("![");
    let open = if image { 2 } else { 1 };
    if !text.starts_with('[') && !image {
        return None;
    }
    let close = text[open..].find("](")? + open;
    let shown = &text[open..close];
    let after = &text[close + 2..];
    let end = after.find(')')?;
    let target = after[..end].split_whitespace().next().unwrap_or("");
    Some((if image { "" } else { shown }, target, &after[end + 1..]))
}

/// lynx's `[12]` link number at the start of `text`, and what follows it.
fn link_number(text: &str) -> Option<(u32, &str)> {
    let inner = text.strip_prefix('[')?;
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 5 || !inner[digits..].starts_with(']') {
        return None;
    }
    Some((inner[..digits].parse().ok()?, &inner[digits + 1..]))
}

/// Markdown's emphasis and escapes taken out: `**bold**`, `__bold__`,
/// `\[`.
fn unemphasise(text: &str) -> String {
    let mut out = text.replace("**", "").replace("__", "");
    if out.contains('\\') {
        let mut unescaped = String::with_capacity(out.len());
        let mut chars = out.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
                continue;
            }
            unescaped.push(c);
        }
        out = unescaped;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduced(text: &str) -> (String, Mark, Option<String>) {
        let references = HashMap::from([(12, "https://example.com/12".to_owned())]);
        let unit = reduce(1, text, true, &references);
        (unit.text.into_owned(), unit.mark, unit.url)
    }

    #[test]
    fn bullets_headings_links_and_images_are_reduced_to_their_text() {
        assert_eq!(
            reduced("  * ### [Yen Falls](https://example.com/yen)"),
            (
                "Yen Falls".into(),
                Mark::Bullet,
                Some("https://example.com/yen".into())
            )
        );
        assert_eq!(
            reduced("## Snow removal"),
            ("Snow removal".into(), Mark::Heading(2), None)
        );
        assert_eq!(
            reduced("![](https://x/a.jpg)The Yomiuri Shimbun  ").0,
            "The Yomiuri Shimbun"
        );
        assert_eq!(reduced("[img]").1, Mark::Image);
        assert_eq!(reduced("[20241013-OYT1I50041-1]").1, Mark::Image);
        assert_eq!(
            reduced("     * [12]Record Crowds Expected"),
            (
                "Record Crowds Expected".into(),
                Mark::Bullet,
                Some("https://example.com/12".into())
            )
        );
        assert_eq!(reduced("1. Stocks Rise").1, Mark::Bullet);
        assert_eq!(reduced("1986. A year of change.").1, Mark::Plain);
        assert_eq!(reduced("**Bold** and \\[kept\\]").0, "Bold and [kept]");
        assert_eq!(reduced("-").1, Mark::Plain);
    }
}
