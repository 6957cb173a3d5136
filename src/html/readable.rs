//! Any other site: the article found by readability (`dom_smoothie`, a
//! port of Mozilla's Readability), its HTML made into blocks.

use dom_query::{Document, NodeRef};
use dom_smoothie::Readability;

use super::squeeze;
use crate::article::{Block, Photo};

/// What readability finds of an article.
pub struct Readable {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub body: Vec<Block>,
}

/// The article readability finds in a page; `None` when it finds none.
pub fn extract(html: &str, url: Option<&str>) -> Option<Readable> {
    let mut readability = Readability::new(html, url, None)
        .or_else(|_| Readability::new(html, None, None))
        .ok()?;
    let article = readability.parse().ok()?;
    let text = |s: Option<String>| s.map(|s| squeeze(&s)).filter(|s| !s.is_empty());
    Some(Readable {
        title: text(Some(article.title.clone())),
        byline: text(article.byline.clone()),
        published: article.published_time.clone(),
        body: blocks(&article.content),
    })
}

/// The blocks of an article's HTML, in order: paragraphs, headings as
/// subheads, figures as photos, quotes and list items as paragraphs.
pub fn blocks(html: &str) -> Vec<Block> {
    const BLOCKS: &str = "p, h2, h3, h4, h5, h6, figure, blockquote, li, pre";
    let doc = Document::from(html);
    let Some(nodes) = doc.try_select(BLOCKS) else {
        return Vec::new();
    };
    let mut body = Vec::new();
    for node in nodes.nodes() {
        // a paragraph inside a quote, an item or a figure is theirs
        if node.ancestors_it(None).any(|a| a.is(BLOCKS)) {
            continue;
        }
        if let Some(block) = block(node) {
            body.push(block);
        }
    }
    body
}

fn block(node: &NodeRef<'_>) -> Option<Block> {
    if node.is("figure") {
        let caption = dom_query::Selection::from(*node)
            .try_select("figcaption")
            .map(|c| squeeze(&c.text()))
            .filter(|c| !c.is_empty())?;
        let (credit, caption) = split_credit(&caption);
        return Some(Block::Photo(Photo { credit, caption }));
    }
    let text = squeeze(&node.text());
    if text.is_empty() {
        return None;
    }
    Some(if node.is("h2, h3, h4, h5, h6") {
        Block::Subhead { text }
    } else {
        Block::paragraph(text)
    })
}

/// A caption that ends with its credit (`… (Reuters)`, `… / AP`): the two
/// apart.
fn split_credit(caption: &str) -> (Option<String>, String) {
    if let Some(head) = caption.strip_suffix(')')
        && let Some((text, credit)) = head.rsplit_once(" (")
        && crate::parse::is_credit(credit)
    {
        return (Some(credit.to_owned()), text.trim().to_owned());
    }
    (None, caption.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_html_becomes_blocks_in_order() {
        let body = blocks(
            "<div><p>One.</p><h2>Sub</h2><figure><img src=x><figcaption>A harbor (Reuters)</figcaption></figure>\
             <blockquote><p>Quoted.</p></blockquote><ul><li>Item</li></ul><p>  Two\n  lines. </p></div>",
        );
        assert_eq!(
            body,
            [
                Block::paragraph("One."),
                Block::Subhead { text: "Sub".into() },
                Block::Photo(Photo {
                    credit: Some("Reuters".into()),
                    caption: "A harbor".into()
                }),
                Block::paragraph("Quoted."),
                Block::paragraph("Item"),
                Block::paragraph("Two lines."),
            ]
        );
    }
}
