//! An article written back in the layout of a dump: what the parser reads
//! back as the same article (tests and the fuzzer check that it does).

use std::fmt::Write as _;

use super::{Article, Block, ListItem};

impl Article {
    /// The article as dump text: headline, the photos above the body
    /// (credit, then caption), dateline, the body with each later photo's
    /// credit and caption where it stood, then the lists. A later photo with
    /// no credit has nothing to mark it in text, and is left out.
    pub fn to_dump(&self) -> String {
        let mut out = String::new();
        out.push_str(&self.headline);
        out.push_str("\n\n");
        let leading = self
            .body
            .iter()
            .take_while(|block| matches!(block, Block::Photo(_)))
            .count();
        for block in &self.body[..leading] {
            if let Block::Photo(photo) = block {
                if let Some(credit) = &photo.credit {
                    let _ = writeln!(out, "{credit}");
                }
                let _ = writeln!(out, "{}", photo.caption);
            }
        }
        if let Some(dateline) = &self.dateline {
            let _ = writeln!(out, "{dateline}");
        }
        for block in &self.body[leading..] {
            match block {
                Block::Paragraph { text } | Block::Subhead { text } => {
                    let _ = writeln!(out, "{text}");
                }
                Block::Photo(photo) => {
                    if let Some(credit) = &photo.credit {
                        let _ = writeln!(out, "{credit}\n{}", photo.caption);
                    }
                }
            }
        }
        if !self.popular.is_empty() || self.section.is_some() {
            let section = self.section.as_deref().unwrap_or("");
            let _ = writeln!(out, "\"{section}\" POPULAR ARTICLE");
            push_items(&mut out, &self.popular);
        }
        if !self.access_ranking.is_empty() {
            out.push_str("JN ACCESS RANKING\n");
            push_items(&mut out, &self.access_ranking);
        }
        out
    }
}

fn push_items(out: &mut String, items: &[ListItem]) {
    for item in items {
        let _ = writeln!(out, "-\n{}", item.title);
    }
}
