//! Filling the sidebar: the lists of the page being read, or the newest
//! lists of the section in view, read from the store when what the sidebar
//! should show changes.

use super::App;
use super::sidebar::{Shows, SidebarList};
use crate::store::{NewestList, StoreError};
use crate::time::{capture_time, list_date};

impl App {
    /// What the sidebar should show now: the open article's page, else the
    /// newest lists of the section in view (or of the selected headline's).
    fn sidebar_should_show(&self) -> Shows {
        match &self.reading {
            Some(reading) => Shows::Page(reading.key),
            None => Shows::Newest(self.list.filter.section.clone().or_else(|| {
                self.list
                    .selected_headline()
                    .and_then(|h| h.section.clone())
            })),
        }
    }

    /// Reads the sidebar's lists again when what it should show changed, or
    /// always with `again` (an import may have stored an item's article).
    pub(super) fn sync_sidebar(&mut self, again: bool) -> Result<(), StoreError> {
        let shows = self.sidebar_should_show();
        let same = self.sidebar.shows.as_ref() == Some(&shows);
        if same && !again {
            return Ok(());
        }
        self.sidebar.note = None;
        match &shows {
            Shows::Page(_) => self.show_page_lists()?,
            Shows::Newest(section) => self.show_newest_lists(section.as_deref())?,
        }
        if !same {
            self.sidebar.selected = 0;
        }
        self.sidebar.shows = Some(shows);
        self.sidebar.select(self.sidebar.selected);
        Ok(())
    }

    /// The open article's own lists, as its page showed them; the newest of
    /// its section, titled as such, when the page had none.
    fn show_page_lists(&mut self) -> Result<(), StoreError> {
        let Some(reading) = &self.reading else {
            return Ok(());
        };
        let article = &reading.article;
        let section = article.section.clone();
        if article.popular.is_empty() && article.access_ranking.is_empty() {
            self.show_newest_lists(section.as_deref())?;
            self.sidebar.note = Some("This page had no lists".into());
            return Ok(());
        }
        let note = article
            .captured
            .map(|time| format!("As captured {}", capture_time(time, self.local_time)));
        let popular = self.store.resolve(&article.popular)?;
        let ranking = self.store.resolve(&article.access_ranking)?;
        self.sidebar.popular = SidebarList {
            title: popular_title(section.as_deref()),
            entries: popular,
        };
        self.sidebar.ranking = SidebarList {
            title: "Access Ranking".into(),
            entries: ranking,
        };
        self.sidebar.note = note;
        Ok(())
    }

    /// The newest Popular list of `section` and the newest Access Ranking,
    /// each titled with when it is from.
    fn show_newest_lists(&mut self, section: Option<&str>) -> Result<(), StoreError> {
        let popular = match section {
            Some(name) => self.store.newest_popular(name)?,
            None => None,
        };
        let ranking = self.store.newest_access_ranking()?;
        self.sidebar.popular = self.newest(popular_title(section), popular);
        self.sidebar.ranking = self.newest("Access Ranking".into(), ranking);
        Ok(())
    }

    /// A newest list titled `Popular · Politics · newest, Apr 12`.
    fn newest(&self, title: String, list: Option<NewestList>) -> SidebarList {
        let Some(list) = list else {
            return SidebarList {
                title,
                entries: Vec::new(),
            };
        };
        let when = list.as_of.map(|time| {
            format!(
                ", {}",
                list_date(time.fixed_offset(), self.now, self.local_time)
            )
        });
        SidebarList {
            title: format!("{title} · newest{}", when.unwrap_or_default()),
            entries: list.entries,
        }
    }
}

/// `Popular · Politics`, as the page titles the list.
fn popular_title(section: Option<&str>) -> String {
    match section {
        Some(section) => format!("Popular · {section}"),
        None => "Popular".to_owned(),
    }
}
