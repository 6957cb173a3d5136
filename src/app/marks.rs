//! Reading state: read marks, saved articles, unread-only and the next
//! unread article. Every change goes to the store at once and the counts on
//! screen follow.

use super::{App, Popup, Tab};
use crate::store::{ArticleKey, Filter, StoreError};

impl App {
    /// Marks an article read or unread, keeping every count in step. The
    /// mark is written at once unless a refresh beside the reader is
    /// writing; then it is kept and written at a later update.
    pub(super) fn set_read(
        &mut self,
        key: ArticleKey,
        section: Option<&str>,
        read: bool,
    ) -> Result<(), StoreError> {
        let pending = self.pending_marks.iter().rev().find(|(k, _)| *k == key);
        let was = match pending {
            Some((_, was)) => Some(*was),
            None => self.store.is_read(key)?,
        };
        if was != Some(!read) {
            return Ok(());
        }
        self.pending_marks.push((key, read));
        let written = self.write_marks(false)?;
        let change = |count: &mut usize| {
            *count = if read {
                count.saturating_sub(1)
            } else {
                *count + 1
            };
        };
        change(&mut self.unread);
        if let Some(section) = self
            .sections
            .iter_mut()
            .find(|s| Some(s.name.as_str()) == section)
        {
            change(&mut section.unread);
        }
        if let Some(row) = self.list.find_mut(key) {
            row.read = read;
            if !written {
                self.list_unread.as_mut().map(change);
            }
        }
        if written {
            self.list_unread = self.view_unread()?;
        }
        Ok(())
    }

    /// Writes the read marks kept; with `wait`, waits for another writer
    /// to finish. Returns whether none is left.
    pub(super) fn write_marks(&mut self, wait: bool) -> Result<bool, StoreError> {
        if self.pending_marks.is_empty() {
            return Ok(true);
        }
        // a store kiji may not write keeps its marks for this session only
        if self.store.is_read_only() {
            return Ok(false);
        }
        let written = self.store.write_read_marks(&self.pending_marks, wait)?;
        if written {
            self.pending_marks.clear();
        }
        Ok(written)
    }

    /// Says what a mark did; the first time, where marks are not kept,
    /// says so and how to keep them.
    fn say_marked(&mut self, what: &str) {
        let mut notice = what.to_owned();
        if self.store.is_read_only() && !self.said_marks_not_kept {
            notice.push_str(" · the store is read-only: marks last until kiji quits");
            self.said_marks_not_kept = true;
        } else if !self.marks_kept && !self.said_marks_not_kept {
            notice.push_str(" · marks are not kept for articles read without importing them: kiji import PATH keeps them");
            self.said_marks_not_kept = true;
        }
        self.notice = Some(notice);
    }

    pub(super) fn toggle_read(&mut self) -> Result<(), StoreError> {
        let Some(row) = self.list.selected_headline() else {
            return Ok(());
        };
        let (key, section, read) = (row.key, row.section.clone(), row.read);
        self.set_read(key, section.as_deref(), !read)?;
        self.say_marked(if read { "Marked unread" } else { "Marked read" });
        Ok(())
    }

    /// Says that the store cannot be written, when it cannot; true then.
    pub(super) fn refuse_if_read_only(&mut self, what: &str) -> bool {
        let read_only = self.store.is_read_only();
        if read_only {
            self.notice = Some(format!("The store is read-only: {what}"));
        }
        read_only
    }

    pub(super) fn ask_mark_view_read(&mut self) -> Result<(), StoreError> {
        if self.refuse_if_read_only("nothing can be marked in bulk") {
            return Ok(());
        }
        let count = self.store.unread(&self.list.filter)?;
        if count == 0 {
            self.notice = Some("Nothing unread here".into());
        } else {
            self.popup = Some(Popup::ConfirmMarkRead { count });
        }
        Ok(())
    }

    pub(super) fn mark_view_read(&mut self) -> Result<(), StoreError> {
        let marked = self.store.mark_read(&self.list.filter)?;
        self.load_counts()?;
        self.list.forget();
        self.say_marked(&format!(
            "Marked {} read",
            crate::text::count(marked, "article")
        ));
        Ok(())
    }

    pub(super) fn toggle_unread_only(&mut self) -> Result<(), StoreError> {
        let filter = Filter {
            unread_only: !self.list.filter.unread_only,
            ..self.list.filter.clone()
        };
        let keep = self.list.selected_headline().map(|h| h.key);
        self.set_filter(filter)?;
        if let Some(key) = keep {
            self.select_article(key)?;
        }
        Ok(())
    }

    pub(super) fn toggle_saved(&mut self) -> Result<(), StoreError> {
        if self.refuse_if_read_only("nothing can be saved") {
            return Ok(());
        }
        let Some(row) = self.list.selected_headline() else {
            return Ok(());
        };
        let (key, saved) = (row.key, !row.saved);
        if self.store.set_saved(key, saved)? {
            self.saved = if saved {
                self.saved + 1
            } else {
                self.saved.saturating_sub(1)
            };
        }
        if let Some(row) = self.list.find_mut(key) {
            row.saved = saved;
        }
        if self.tab == Tab::Saved {
            // the Saved tab loses the row at once
            let selected = self.list.selected;
            self.set_filter(self.list.filter.clone())?;
            self.list.select(selected);
        }
        self.say_marked(if saved { "Saved" } else { "Removed from Saved" });
        Ok(())
    }
}
