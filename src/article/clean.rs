//! An article from outside (a JSON export, an HTML page, a feed) made as
//! safe as a parsed dump: every text cleaned of what a terminal would act
//! on, trimmed, empty blocks and items dropped, its id made again.

use super::{Article, Block, ListItem, Photo};
use crate::sanitize::clean;

impl Article {
    /// The article with every text cleaned (see [`crate::sanitize`]) and
    /// trimmed, empty blocks and items dropped, and its id made again from
    /// what is left.
    #[must_use]
    pub fn cleaned(self) -> Article {
        let article = self;
        let text = |s: &str| clean(s).trim().to_owned();
        let optional = |s: Option<String>| s.map(|s| text(&s)).filter(|s| !s.is_empty());
        let mut fresh = Article::new(text(&article.headline), article.published);
        fresh.dateline = optional(article.dateline);
        fresh.section = optional(article.section);
        fresh.byline = optional(article.byline);
        fresh.url = optional(article.url);
        fresh.body = article
            .body
            .into_iter()
            .map(|block| match block {
                Block::Paragraph { text: t } => Block::paragraph(text(&t)),
                Block::Subhead { text: t } => Block::Subhead { text: text(&t) },
                Block::Photo(photo) => Block::Photo(Photo {
                    credit: optional(photo.credit),
                    caption: text(&photo.caption),
                }),
            })
            .filter(|block| match block {
                Block::Photo(photo) => !photo.caption.is_empty(),
                other => other.text().is_some_and(|t| !t.is_empty()),
            })
            .collect();
        let items = |items: Vec<ListItem>| {
            items
                .into_iter()
                .map(|item| ListItem {
                    title: text(&item.title),
                    url: optional(item.url),
                })
                .filter(|item| !item.title.is_empty())
                .collect()
        };
        fresh.popular = items(article.popular);
        fresh.access_ranking = items(article.access_ranking);
        fresh.source = article.source;
        fresh.origin = article.origin;
        fresh.captured = article.captured;
        fresh
    }
}
