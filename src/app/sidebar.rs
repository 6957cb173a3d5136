//! The sidebar: the Popular list of the section in view and the Access
//! Ranking, as the page showed them, with a selection over their items.

use crate::store::{ArticleKey, ListEntry};

#[derive(Debug, Clone, Default)]
pub struct Sidebar {
    /// The section whose Popular list is shown.
    pub section: Option<String>,
    pub popular: Vec<ListEntry>,
    pub ranking: Vec<ListEntry>,
    /// The selected item, counting Popular first, then the Access Ranking.
    pub selected: usize,
}

/// One line of the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidebarRow<'a> {
    /// A list's title.
    Header(&'a str),
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
        self.popular.len() + self.ranking.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn selected_entry(&self) -> Option<&ListEntry> {
        self.popular.iter().chain(&self.ranking).nth(self.selected)
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

    /// The title of the Popular box.
    pub fn popular_title(&self) -> String {
        match &self.section {
            Some(section) => format!("Popular · {section}"),
            None => "Popular".to_owned(),
        }
    }

    /// Every line of the sidebar, top to bottom; `popular_title` is the
    /// Popular box's title, passed in so rows can borrow it.
    pub fn rows<'a>(&'a self, popular_title: &'a str) -> Vec<SidebarRow<'a>> {
        let mut rows = vec![SidebarRow::Header(popular_title)];
        let items = |rows: &mut Vec<SidebarRow<'a>>, list: &'a [ListEntry], first: usize| {
            if list.is_empty() {
                rows.push(SidebarRow::Empty);
            }
            for (number, entry) in list.iter().enumerate() {
                rows.push(SidebarRow::Item {
                    index: first + number,
                    number: number + 1,
                    entry,
                });
            }
        };
        items(&mut rows, &self.popular, 0);
        rows.push(SidebarRow::Blank);
        rows.push(SidebarRow::Header("Access Ranking"));
        items(&mut rows, &self.ranking, self.popular.len());
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
            article: linked.then_some(ArticleKey(1)),
        }
    }

    #[test]
    fn rows_number_each_list_from_one_and_select_across_both() {
        let mut sidebar = Sidebar {
            section: Some("Politics".into()),
            popular: vec![entry("A", true), entry("B", false)],
            ranking: vec![entry("C", true)],
            selected: 0,
        };
        let title = sidebar.popular_title();
        let rows = sidebar.rows(&title);
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
    fn scrolls_to_keep_the_selection_in_view() {
        let sidebar = Sidebar {
            popular: (0..10).map(|i| entry(&i.to_string(), true)).collect(),
            ..Sidebar::default()
        };
        let title = sidebar.popular_title();
        let rows = sidebar.rows(&title);
        assert_eq!(scroll_for(&rows, 0, 5), 0);
        assert_eq!(scroll_for(&rows, 9, 5), 6);
    }
}
