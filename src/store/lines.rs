//! Bodies and lists as the store keeps them: one block or item a line.
//!
//! A paragraph is its text. A subhead starts with U+0001; a photo with
//! U+0002, then its credit, U+0003 and its caption. A list item is its
//! title, then U+001F and its address when it has one. Stored text never
//! holds control characters (it is cleaned before it is stored), so the
//! marks cannot be confused with text; the search index reads them as
//! spaces, so it finds captions and subheads with the paragraphs. Bodies
//! stored before photos were blocks hold paragraphs only, their captions in
//! the `caption` column.

use crate::article::{Block, ListItem, Photo};

const SUBHEAD: char = '\u{1}';
const PHOTO: char = '\u{2}';
const CAPTION: char = '\u{3}';
const URL: char = '\u{1f}';

/// Texts stored one per line; a line break inside one (possible only from
/// hand-made input) becomes a space.
fn lines(items: impl IntoIterator<Item = String>) -> String {
    let mut joined = String::new();
    for (index, item) in items.into_iter().enumerate() {
        if index > 0 {
            joined.push('\n');
        }
        if item.contains('\n') {
            joined.push_str(&item.replace('\n', " "));
        } else {
            joined.push_str(&item);
        }
    }
    joined
}

/// The lines of a stored text; an empty text has none.
fn unlines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').filter(move |_| !text.is_empty())
}

/// A body as stored.
pub(super) fn encode_body(body: &[Block]) -> String {
    lines(body.iter().map(|block| match block {
        Block::Paragraph { text } => text.clone(),
        Block::Subhead { text } => format!("{SUBHEAD}{text}"),
        Block::Photo(photo) => format!(
            "{PHOTO}{}{CAPTION}{}",
            photo.credit.as_deref().unwrap_or(""),
            photo.caption
        ),
    }))
}

/// A stored body back as blocks. `caption` is the `caption` column: for a
/// body stored with no photo in it, the captions (one a line) that head it.
pub(super) fn decode_body(text: &str, caption: Option<&str>) -> Vec<Block> {
    let has_photos = text.starts_with(PHOTO) || text.contains(&format!("\n{PHOTO}"));
    let captions = caption
        .filter(|_| !has_photos)
        .into_iter()
        .flat_map(str::lines)
        .map(|caption| {
            Block::Photo(Photo {
                credit: None,
                caption: caption.to_owned(),
            })
        });
    captions.chain(unlines(text).map(decode_block)).collect()
}

fn decode_block(line: &str) -> Block {
    if let Some(text) = line.strip_prefix(SUBHEAD) {
        return Block::Subhead { text: text.into() };
    }
    if let Some(photo) = line.strip_prefix(PHOTO) {
        let (credit, caption) = photo.split_once(CAPTION).unwrap_or(("", photo));
        return Block::Photo(Photo {
            credit: (!credit.is_empty()).then(|| credit.to_owned()),
            caption: caption.to_owned(),
        });
    }
    Block::paragraph(line)
}

/// A list as stored.
pub(super) fn encode_list(items: &[ListItem]) -> String {
    lines(items.iter().map(|item| match &item.url {
        Some(url) => format!("{}{URL}{url}", item.title),
        None => item.title.clone(),
    }))
}

/// A stored list back as items.
pub(super) fn decode_list(text: &str) -> Vec<ListItem> {
    unlines(text)
        .map(|line| match line.split_once(URL) {
            Some((title, url)) => ListItem {
                title: title.to_owned(),
                url: Some(url.to_owned()),
            },
            None => ListItem::titled(line),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_and_lists_come_back_as_they_went_in() {
        let body = vec![
            Block::Photo(Photo {
                credit: Some("Reuters".into()),
                caption: "A board".into(),
            }),
            Block::paragraph("The yen fell."),
            Block::Subhead {
                text: "Exporters".into(),
            },
            Block::Photo(Photo {
                credit: None,
                caption: "Traders".into(),
            }),
        ];
        assert_eq!(decode_body(&encode_body(&body), Some("A board")), body);
        let list = vec![
            ListItem::titled("Stocks Rise"),
            ListItem {
                title: "Yen Falls".into(),
                url: Some("https://example.com/yen".into()),
            },
        ];
        assert_eq!(decode_list(&encode_list(&list)), list);
        assert!(decode_list("").is_empty() && decode_body("", None).is_empty());
    }

    #[test]
    fn bodies_stored_before_photos_were_blocks_get_their_captions_back() {
        let body = decode_body("One.\nTwo.", Some("First\nSecond"));
        assert_eq!(body.len(), 4);
        assert!(matches!(&body[1], Block::Photo(p) if p.caption == "Second"));
        assert_eq!(body[2], "One.");
    }
}
