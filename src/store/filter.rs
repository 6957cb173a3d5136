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
}

/// Newest first, undated last; ties by import order.
const BY_DATE: &str = "ORDER BY a.sort_key DESC, a.key DESC";
/// BM25 with headline hits weighing ten times body hits, newest first among
/// equals.
const BY_RANK: &str = "ORDER BY bm25(search, 10.0, 1.0), a.sort_key DESC, a.key DESC";

impl Filter {
    pub fn section(name: impl Into<String>) -> Self {
        Self {
            section: Some(name.into()),
            ..Self::default()
        }
    }

    /// Whether the list is ranked by a search rather than by date.
    pub fn is_ranked(&self) -> bool {
        self.query.as_ref().is_some_and(|q| !q.is_empty())
    }

    /// For a search, the two tiers of its ranked list (headline matches,
    /// then body matches), each as SQL; `None` for a list by date.
    pub(super) fn tiers(&self) -> Option<[Sql; 2]> {
        let [headline, body] = self.query.as_ref()?.to_fts_tiers()?;
        Some([
            self.sql_matching(Some(headline)),
            self.sql_matching(Some(body)),
        ])
    }

    pub(super) fn sql(&self) -> Sql {
        self.sql_matching(None)
    }

    /// The SQL of the filter, with `fts` in place of the query's own MATCH
    /// expression when given.
    fn sql_matching(&self, fts: Option<String>) -> Sql {
        let mut conditions = Vec::new();
        let mut params = Vec::new();
        let mut from = "articles a";
        let mut order = BY_DATE;
        if let Some(query) = &self.query {
            if let Some(fts) = fts.or_else(|| query.to_fts()) {
                from = "articles a JOIN search ON search.rowid = a.key";
                order = BY_RANK;
                conditions.push("search MATCH ?".to_owned());
                params.push(Value::Text(fts));
            } else if let Some(excluded) = query.to_fts_excluded() {
                // only exclusions: everything but their matches
                conditions.push(
                    "a.key NOT IN (SELECT rowid FROM search WHERE search MATCH ?)".to_owned(),
                );
                params.push(Value::Text(excluded));
            }
        }
        if let Some(section) = &self.section {
            conditions.push("a.section = ?".to_owned());
            params.push(Value::Text(section.clone()));
        }
        if self.unread_only && self.saved_only {
            // walk the few saved articles, not every unread one: the unary +
            // keeps the planner off the unread index
            conditions.push("NOT +a.read".to_owned());
        } else if self.unread_only {
            conditions.push("NOT a.read".to_owned());
        }
        if self.saved_only {
            conditions.push("a.saved".to_owned());
        }
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
        }
    }
}
