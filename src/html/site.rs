//! Site rules: how a site lays out its article pages, as CSS selectors per
//! field, and the one engine that reads a page by them. A rule is data:
//! The Japan News is the rule built in, and the same form holds any site.

use dom_query::{Document, NodeRef, Selection};

use super::{absolute, squeeze};
use crate::article::{Block, ListItem, Photo};

/// Where each field of an article stands on a site's pages.
#[derive(Debug)]
pub struct SiteRule {
    pub name: &'static str,
    /// The hosts it is for, their subdomains too.
    pub hosts: &'static [&'static str],
    /// The element that holds the article's body; only article pages have it.
    pub article: &'static str,
    /// The headline, the first of these that the page has.
    pub headline: &'static [&'static str],
    pub dateline: &'static str,
    pub byline: &'static str,
    /// The breadcrumbs' links: Home, the section, its subsection.
    pub breadcrumbs: &'static str,
    /// Inside `article`: the body's paragraphs, subheads and photos.
    pub paragraphs: &'static str,
    pub subheads: &'static str,
    pub photos: &'static str,
    /// Inside a photo: its caption, and the credit the caption starts with.
    pub caption: &'static str,
    pub credit: &'static str,
    /// The boxes of the Popular and the Access Ranking lists.
    pub popular: &'static str,
    pub ranking: &'static str,
    /// Inside a list's box: its heading, and its items' links.
    pub list_heading: &'static str,
    pub list_items: &'static str,
}

/// The Japan News (japannews.yomiuri.co.jp), a WordPress site, read by the
/// elements it serves today.
pub static JAPAN_NEWS: SiteRule = SiteRule {
    name: "The Japan News",
    hosts: &["japannews.yomiuri.co.jp"],
    article: "#p-article-block",
    headline: &[
        "#p-article header h1",
        "article header h1",
        ".article-header h1",
        "h1",
    ],
    dateline: "p.postdate",
    byline: "p.byline",
    breadcrumbs: ".breadcrumbs a",
    paragraphs: "p:not([class])",
    subheads: "h2",
    photos: "figure",
    caption: "figcaption",
    credit: "figcaption span",
    popular: "div.ranking_1",
    ranking: "div.ranking_2",
    list_heading: "h2",
    list_items: "li a[href]",
};

/// Every rule kiji knows.
pub static RULES: &[&SiteRule] = &[&JAPAN_NEWS];

impl SiteRule {
    /// Whether the rule reads this page: the page is on one of its hosts,
    /// or, saved with no address, has its article and dateline elements.
    pub fn reads(&self, doc: &Document, host: Option<&str>) -> bool {
        let ours = host.is_some_and(|host| {
            self.hosts
                .iter()
                .any(|h| host == *h || host.ends_with(&format!(".{h}")))
        });
        ours || (has(doc, self.article) && has(doc, self.dateline))
    }

    /// The first text of the first element a selector finds.
    pub fn text_of(&self, doc: &Document, selector: &str) -> Option<String> {
        first_text(&doc.try_select(selector)?)
    }

    pub fn headline(&self, doc: &Document) -> Option<String> {
        self.headline.iter().find_map(|s| self.text_of(doc, s))
    }

    /// The breadcrumbs' names, `Home` first.
    pub fn breadcrumbs(&self, doc: &Document) -> Vec<String> {
        doc.try_select(self.breadcrumbs)
            .map(|links| {
                links
                    .iter()
                    .map(|link| squeeze(&link.text()))
                    .filter(|name| !name.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The body's blocks in the order the page has them.
    pub fn body(&self, doc: &Document) -> Vec<Block> {
        let selector = [self.paragraphs, self.subheads, self.photos]
            .iter()
            .map(|part| format!("{} {part}", self.article))
            .collect::<Vec<_>>()
            .join(", ");
        let Some(nodes) = doc.try_select(&selector) else {
            return Vec::new();
        };
        let mut body = Vec::new();
        for node in nodes.nodes() {
            // a paragraph inside a photo's caption is the caption's
            if !node.is(self.photos) && node.ancestors_it(None).any(|a| a.is(self.photos)) {
                continue;
            }
            if let Some(block) = self.block(node) {
                body.push(block);
            }
        }
        body
    }

    fn block(&self, node: &NodeRef<'_>) -> Option<Block> {
        let text = squeeze(&node.text());
        if node.is(self.photos) {
            let selection = Selection::from(*node);
            let credit = selection
                .try_select(self.credit)
                .and_then(|s| first_text(&s));
            let caption = selection
                .try_select(self.caption)
                .and_then(|s| first_text(&s))
                .unwrap_or_default();
            let caption = match &credit {
                Some(credit) => caption.strip_prefix(credit.as_str()).unwrap_or(&caption),
                None => &caption,
            }
            .trim()
            .to_owned();
            return (!caption.is_empty()).then_some(Block::Photo(Photo { credit, caption }));
        }
        if text.is_empty() {
            return None;
        }
        Some(if node.is(self.subheads) {
            Block::Subhead { text }
        } else {
            Block::paragraph(text)
        })
    }

    /// A list box's heading and items, each item's link made absolute
    /// against `base`.
    pub fn list(
        &self,
        doc: &Document,
        boxes: &str,
        base: Option<&url::Url>,
    ) -> Option<(String, Vec<ListItem>)> {
        let list = doc.try_select(boxes)?.first();
        if !list.exists() {
            return None;
        }
        let heading = list
            .try_select(self.list_heading)
            .and_then(|s| first_text(&s))
            .unwrap_or_default();
        let items = list
            .try_select(self.list_items)
            .map(|links| {
                links
                    .iter()
                    .filter_map(|link| {
                        let title = squeeze(&link.text());
                        (!title.is_empty()).then(|| ListItem {
                            title,
                            url: link.attr("href").and_then(|href| absolute(base, &href)),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some((heading, items))
    }
}

fn has(doc: &Document, selector: &str) -> bool {
    doc.try_select(selector).is_some_and(|s| s.exists())
}

/// The squeezed text of a selection's first element, if it has any.
fn first_text(selection: &Selection<'_>) -> Option<String> {
    let text = squeeze(&selection.first().text());
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_selector_of_the_built_in_rules_parses() {
        for rule in RULES {
            let selectors = rule.headline.iter().copied().chain([
                rule.article,
                rule.dateline,
                rule.byline,
                rule.breadcrumbs,
                rule.paragraphs,
                rule.subheads,
                rule.photos,
                rule.caption,
                rule.credit,
                rule.popular,
                rule.ranking,
                rule.list_heading,
                rule.list_items,
            ]);
            for selector in selectors {
                assert!(
                    dom_query::Matcher::new(selector).is_ok(),
                    "{}: {selector}",
                    rule.name
                );
            }
        }
    }
}
