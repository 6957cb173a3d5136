//! Which articles a list shows — a section, unread only, saved only, a
//! search — as the SQL that selects them.

use rusqlite::types::Value;

use crate::search::Query;

/// Which articles a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this section; `None` is all of them.
    pub section: Option<String>,
    pub unread_only: bool,
    pub saved_only: bool,
    /// Only matches, best first.
    pub query: Option<Query>,
}

/// A filter as SQL: `FROM … WHERE … ORDER BY …` over `articles a`.
pub(super) struct Sql {
    pub from: &'static str,
    pub condition: String,
    pub params: Vec<Value>,
    pub order: &'static str,
    /// Ordered by a search's rank, which has no index to walk.
    pub ranked: bool,
}

/// Newest first, undated last; ties by import order.
const BY_DATE: &str = "ORDER BY a.sort_key DESC, a.key DESC";
/// BM25 with headline hits weighing ten times body hits, newest first among
/// equals.
const BY_RANK: &str = "ORDER BY bm25(search, 10.0, 1.0), a.sort_key DESC, a.key DESC";
/// BM25 over the headlines, newest first among equals.
const BY_HEADLINE_RANK: &str = "ORDER BY bm25(search_headlines), a.sort_key DESC, a.key DESC";

/// Every article, by the index the planner picks.
const ARTICLES: &str = "articles a";
/// The saved articles, through their own small index: left to choose, the
/// planner would rather scan all of `articles_by_key`, which holds `saved`.
const SAVED_ARTICLES: &str = "articles a INDEXED BY articles_saved";
/// Matches joined to their articles through `articles_by_key`, which holds
/// every column a search filters or sorts on: far fewer pages to read than
/// the articles themselves when thousands match.
const SEARCH: &str = "search JOIN articles a INDEXED BY articles_by_key ON a.key = search.rowid";
const SEARCH_HEADLINES: &str = "search_headlines \
     JOIN articles a INDEXED BY articles_by_key ON a.key = search_headlines.rowid";
/// Leaves out the articles that match an expression anywhere.
const NOT_MATCHING: &str = "a.key NOT IN (SELECT rowid FROM search WHERE search MATCH ?)";

impl Filter {
    pub fn section(name: impl Into<String>) -> Self {
        Self {
            section: Some(name.into()),
            ..Self::default()
        }
    }

    /// Whether nothing but a search narrows the list: no section, no
    /// unread or saved mark.
    pub(super) fn is_search_alone(&self) -> bool {
        self.section.is_none() && !self.unread_only && !self.saved_only
    }

    /// Whether the list is ranked by a search rather than by date.
    pub fn is_ranked(&self) -> bool {
        self.query.as_ref().is_some_and(|q| !q.is_empty())
    }

    /// For a search, the two tiers of its ranked list (headline matches,
    /// ranked in the index of headlines alone, then body matches), each as
    /// SQL; `None` for a list by date.
    pub(super) fn tiers(&self) -> Option<[Sql; 2]> {
        let query = self.query.as_ref()?;
        let [headline, body] = query.to_fts_tiers()?;
        let mut conditions = vec!["search_headlines MATCH ?".to_owned()];
        let mut params = vec![Value::Text(headline)];
        if let Some(excluded) = query.to_fts_excluded() {
            conditions.push(NOT_MATCHING.to_owned());
            params.push(Value::Text(excluded));
        }
        let headline_tier = self.sql_of(SEARCH_HEADLINES, conditions, params, BY_HEADLINE_RANK);
        let body_tier = self.sql_of(
            SEARCH,
            vec!["search MATCH ?".to_owned()],
            vec![Value::Text(body)],
            BY_RANK,
        );
        Some([headline_tier, body_tier])
    }

    /// The filter as one query: by date, or a search's matches by rank
    /// without its tiers (for counting and marking).
    pub(super) fn sql(&self) -> Sql {
        let Some(query) = &self.query else {
            return self.sql_of(ARTICLES, Vec::new(), Vec::new(), BY_DATE);
        };
        if let Some(fts) = query.to_fts() {
            self.sql_of(
                SEARCH,
                vec!["search MATCH ?".to_owned()],
                vec![Value::Text(fts)],
                BY_RANK,
            )
        } else if let Some(excluded) = query.to_fts_excluded() {
            // only exclusions: everything but their matches
            self.sql_of(
                ARTICLES,
                vec![NOT_MATCHING.to_owned()],
                vec![Value::Text(excluded)],
                BY_DATE,
            )
        } else {
            self.sql_of(ARTICLES, Vec::new(), Vec::new(), BY_DATE)
        }
    }

    /// `from`, `conditions` and `params` with the section, unread and saved
    /// conditions added.
    fn sql_of(
        &self,
        from: &'static str,
        mut conditions: Vec<String>,
        mut params: Vec<Value>,
        order: &'static str,
    ) -> Sql {
        if let Some(section) = &self.section {
            conditions.push("a.section = ?".to_owned());
            params.push(Value::Text(section.clone()));
        }
        if self.unread_only {
            conditions.push("NOT a.read".to_owned());
        }
        let from = if self.saved_only {
            conditions.push("a.saved".to_owned());
            if from == ARTICLES {
                SAVED_ARTICLES
            } else {
                from
            }
        } else {
            from
        };
        let condition = if conditions.is_empty() {
            "1".to_owned()
        } else {
            conditions.join(" AND ")
        };
        Sql {
            from,
            condition,
            params,
            order,
            ranked: order != BY_DATE,
        }
    }
}
