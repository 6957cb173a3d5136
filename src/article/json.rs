//! The article as JSON: what `kiji parse`, `kiji list --json` and `kiji
//! export` print and `kiji import` reads back. `body`, `popular` and
//! `access_ranking` stay lists of strings, as scripts expect; the structured
//! forms (`blocks`, `photos`, `popular_items`, `access_ranking_items`) stand
//! beside them. JSON written before those existed still reads: the new
//! fields default.

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

use super::{Article, Block, ListItem, Origin, Photo};

/// One article in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleJson {
    #[serde(default)]
    pub id: String,
    pub headline: String,
    /// The first photo's caption: the one shown above the body.
    #[serde(default)]
    pub caption: Option<String>,
    #[serde(default)]
    pub published: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    pub dateline: Option<String>,
    #[serde(default)]
    pub section: Option<String>,
    /// Paragraphs and subheads, as text.
    #[serde(default)]
    pub body: Vec<String>,
    #[serde(default)]
    pub popular: Vec<String>,
    #[serde(default)]
    pub access_ranking: Vec<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub byline: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// The body as the page has it: paragraphs, subheads and photos.
    #[serde(default)]
    pub blocks: Vec<Block>,
    #[serde(default)]
    pub photos: Vec<Photo>,
    #[serde(default)]
    pub popular_items: Vec<ListItem>,
    #[serde(default)]
    pub access_ranking_items: Vec<ListItem>,
    #[serde(default)]
    pub origin: Origin,
    #[serde(default)]
    pub captured: Option<DateTime<Utc>>,
    /// Read mark, in an export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<bool>,
    /// Saved mark, in an export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved: Option<bool>,
}

impl From<&Article> for ArticleJson {
    fn from(article: &Article) -> Self {
        let titles = |items: &[ListItem]| items.iter().map(|i| i.title.clone()).collect();
        Self {
            id: article.id.clone(),
            headline: article.headline.clone(),
            caption: article.caption().map(str::to_owned),
            published: article.published,
            dateline: article.dateline.clone(),
            section: article.section.clone(),
            body: article.paragraphs().map(str::to_owned).collect(),
            popular: titles(&article.popular),
            access_ranking: titles(&article.access_ranking),
            source: article.source.clone(),
            byline: article.byline.clone(),
            url: article.url.clone(),
            blocks: article.body.clone(),
            photos: article.photos().cloned().collect(),
            popular_items: article.popular.clone(),
            access_ranking_items: article.access_ranking.clone(),
            origin: article.origin,
            captured: article.captured,
            read: None,
            saved: None,
        }
    }
}

impl ArticleJson {
    /// The article this JSON describes. The structured forms are taken where
    /// they are given; else the plain ones: the caption (one photo a line)
    /// above the body's paragraphs, and list titles without addresses. The
    /// id is made again from headline and date, never trusted.
    pub fn into_article(self) -> Article {
        let mut article = Article::new(self.headline, self.published);
        article.dateline = self.dateline;
        article.section = self.section;
        article.byline = self.byline;
        article.url = self.url;
        article.body = if self.blocks.is_empty() {
            let photos = self.caption.iter().flat_map(|c| c.lines()).map(|line| {
                Block::Photo(Photo {
                    credit: None,
                    caption: line.to_owned(),
                })
            });
            photos
                .chain(self.body.into_iter().map(Block::from))
                .collect()
        } else {
            self.blocks
        };
        let items = |items: Vec<ListItem>, titles: Vec<String>| {
            if items.is_empty() {
                titles.into_iter().map(ListItem::from).collect()
            } else {
                items
            }
        };
        article.popular = items(self.popular_items, self.popular);
        article.access_ranking = items(self.access_ranking_items, self.access_ranking);
        article.source = self.source;
        article.origin = self.origin;
        article.captured = self.captured;
        article
    }
}

impl Serialize for Article {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ArticleJson::from(self).serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_goes_to_json_and_back_whole() {
        let mut article = Article::new("Yen Falls".into(), None);
        article.body = vec![
            Block::Photo(Photo {
                credit: Some("Reuters".into()),
                caption: "A board".into(),
            }),
            "The yen fell.".into(),
            Block::Subhead {
                text: "Exporters".into(),
            },
            "They cheered.".into(),
        ];
        article.popular = vec![ListItem {
            title: "Stocks Rise".into(),
            url: Some("https://example.com/1".into()),
        }];
        article.byline = Some("By A Writer".into());
        let json = serde_json::to_value(&article).expect("json");
        assert_eq!(json["caption"], "A board");
        assert_eq!(
            json["body"],
            serde_json::json!(["The yen fell.", "Exporters", "They cheered."])
        );
        assert_eq!(json["popular"], serde_json::json!(["Stocks Rise"]));
        assert_eq!(json["popular_items"][0]["url"], "https://example.com/1");
        let back: ArticleJson = serde_json::from_value(json).expect("reads");
        assert_eq!(back.into_article(), article);
    }

    #[test]
    fn json_from_before_the_structured_fields_still_reads() {
        let old = r#"{"id":"x","headline":"Yen Falls","caption":"One\nTwo","published":null,
            "dateline":null,"section":"Business","body":["The yen fell."],
            "popular":["Stocks Rise"],"access_ranking":[],"source":"a.txt"}"#;
        let article = serde_json::from_str::<ArticleJson>(old)
            .expect("reads")
            .into_article();
        assert_eq!(article.photos().count(), 2);
        assert_eq!(article.caption(), Some("One"));
        assert_eq!(article.paragraphs().collect::<Vec<_>>(), ["The yen fell."]);
        assert_eq!(article.popular, ["Stocks Rise"]);
        assert_eq!(article.origin, Origin::Dump);
    }
}
