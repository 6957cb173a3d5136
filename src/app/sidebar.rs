//! The sidebar: the Popular and Access Ranking lists of the page being read
//! — what the site showed beside that article when it was captured — or,
//! with no article open or a page that had none, the newest lists of the
//! section, titled as such. A selection runs over the items of both.

use crate::store::{ArticleKey, ListEntry};

/// What the sidebar's lists are: a page's own, or the newest in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shows {
    /// The lists of the page of the open article.
    Page(ArticleKey),
    /// The newest lists of a section (the newest Access Ranking of all).
    Newest(Option<String>),
}

/// One of the two lists, with its title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SidebarList {
    /// `Popular · Politics`, or `Popular · Politics · newest, Apr 12`.
    pub title: String,
    pub entries: Vec<ListEntry>,
}

#[derive(Debug, Clone, Default)]
pub struct Sidebar {
    pub popular: SidebarList,
    pub ranking: SidebarList,
    /// A line above the lists saying whose they are: when the page was
    /// captured, or that it had none.
    pub note: Option<String>,
    /// What the lists are of, so that they are read again only when that
    /// changes.
    pub shows: Option<Shows>,
    /// The selected item, counting Popular first, then the Access Ranking.
    pub selected: usize,
}

/// One line of the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidebarRow<'a> {
    /// A list's title.
    Header(&'a str),
    /// Whose lists these are.
    Note(&'a str),
    /// An item: its index in the selection, its number in its list.
    Item {
        index: usize,
        number: usize,
        entry: &'a ListEntry,
    },
    Blank,
    /// A list with no items.
    Empty,
}

impl Sidebar {
    pub fn len(&self) -> usize {
        self.popular.entries.len() + self.ranking.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn selected_entry(&self) -> Option<&ListEntry> {
        self.popular
            .entries
            .iter()
            .chain(&self.ranking.entries)
            .nth(self.selected)
    }

    /// The article the selected item links to, if it links to one.
    pub fn selected_article(&self) -> Option<ArticleKey> {
        self.selected_entry().and_then(|entry| entry.article)
    }

    pub fn move_by(&mut self, delta: isize) {
        self.select(self.selected.saturating_add_signed(delta));
    }

    pub fn select(&mut self, index: usize) {
        self.selected = index.min(self.len().saturating_sub(1));
    }

    /// Every line of the sidebar, top to bottom.
    pub fn rows(&self) -> Vec<SidebarRow<'_>> {
        let mut rows = Vec::new();
        if let Some(note) = &self.note {
            rows.push(SidebarRow::Note(note));
        }
        let mut first = 0;
        for (index, list) in [&self.popular, &self.ranking].into_iter().enumerate() {
            if index > 0 {
                rows.push(SidebarRow::Blank);
            }
            rows.push(SidebarRow::Header(&list.title));
            if list.entries.is_empty() {
                rows.push(SidebarRow::Empty);
            }
            rows.extend(
                list.entries
                    .iter()
                    .enumerate()
                    .map(|(number, entry)| SidebarRow::Item {
                        index: first + number,
                        number: number + 1,
                        entry,
                    }),
            );
            first += list.entries.len();
        }
        rows
    }
}

/// The first row to show so that the selected item is in a pane of `height`
/// rows; pure, so drawing and clicking agree on it.
pub fn scroll_for(rows: &[SidebarRow<'_>], selected: usize, height: usize) -> usize {
    let at = rows
        .iter()
        .position(|row| matches!(row, SidebarRow::Item { index, .. } if *index == selected))
        .unwrap_or(0);
    (at + 1).saturating_sub(height.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(title: &str, linked: bool) -> ListEntry {
        ListEntry {
            title: title.into(),
            url: None,
            article: linked.then_some(ArticleKey(1)),
        }
    }

    fn list(title: &str, entries: Vec<ListEntry>) -> SidebarList {
        SidebarList {
            title: title.into(),
            entries,
        }
    }

    #[test]
    fn rows_number_each_list_from_one_and_select_across_both() {
        let mut sidebar = Sidebar {
            popular: list(
                "Popular · Politics",
                vec![entry("A", true), entry("B", false)],
            ),
            ranking: list("Access Ranking", vec![entry("C", true)]),
            ..Sidebar::default()
        };
        let rows = sidebar.rows();
        assert_eq!(rows[0], SidebarRow::Header("Popular · Politics"));
        assert!(matches!(
            rows[2],
            SidebarRow::Item {
                index: 1,
                number: 2,
                ..
            }
        ));
        assert!(matches!(
            rows[5],
            SidebarRow::Item {
                index: 2,
                number: 1,
                ..
            }
        ));
        sidebar.move_by(1);
        assert_eq!(sidebar.selected_article(), None);
        sidebar.move_by(5);
        assert_eq!(sidebar.selected, 2);
        assert_eq!(sidebar.selected_article(), Some(ArticleKey(1)));
    }

    #[test]
    fn a_note_heads_the_lists_and_an_empty_list_says_so() {
        let sidebar = Sidebar {
            note: Some("This page had no lists".into()),
            popular: list("Popular", Vec::new()),
            ranking: list("Access Ranking", vec![entry("C", true)]),
            ..Sidebar::default()
        };
        let rows = sidebar.rows();
        assert_eq!(rows[0], SidebarRow::Note("This page had no lists"));
        assert_eq!(rows[2], SidebarRow::Empty);
        assert!(matches!(rows[5], SidebarRow::Item { index: 0, .. }));
    }

    #[test]
    fn scrolls_to_keep_the_selection_in_view() {
        let sidebar = Sidebar {
            popular: list(
                "Popular",
                (0..10).map(|i| entry(&i.to_string(), true)).collect(),
            ),
            ..Sidebar::default()
        };
        let rows = sidebar.rows();
        assert_eq!(scroll_for(&rows, 0, 5), 0);
        assert_eq!(scroll_for(&rows, 9, 5), 6);
    }
}
