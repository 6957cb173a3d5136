//! The headline list: unread and saved marks, the date and the headline,
//! cut to the pane; in a search, a second line under each saying why it
//! matched, the words highlighted. Only the rows on screen are built.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::{focused, highlighted, pane_block};
use crate::app::App;
use crate::layout::{Pane, inner};
use crate::store::Headline;
use crate::text::{fit, width};
use crate::time::list_date;

/// Columns before the date: selection marker, unread mark, saved mark, space.
const MARKS: usize = 4;
/// Columns between the date and the headline.
const GAP: usize = 2;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = super::theme::of(app.theme);
    if area.is_empty() {
        return;
    }
    let is_focused = focused(app, Pane::List);
    let mut title = format!("{} · {}", app.filter_name(), app.list.count);
    if app.new_articles > 0 {
        title.push_str(&format!(" · {} new", app.new_articles));
    }
    frame.render_widget(pane_block(&title, is_focused, theme), area);
    let inside = inner(area);
    let columns = usize::from(inside.width);
    if app.list.count == 0 {
        let why = empty_list(app);
        let empty = Paragraph::new(Span::styled(fit(why, columns), theme.placeholder));
        frame.render_widget(empty, inside);
        return;
    }
    let items = app.list_items();
    let rows: Vec<(usize, &Headline)> = app.list.visible(items).collect();
    let dates: Vec<String> = rows
        .iter()
        .map(|(_, h)| {
            h.published
                .map(|p| list_date(p, app.now, app.local_time))
                .unwrap_or_default()
        })
        .collect();
    let date_width = dates.iter().map(|d| width(d)).max().unwrap_or(0);
    let shape = Row {
        columns,
        date_width,
        theme,
        focused: is_focused,
    };
    let mut lines = Vec::with_capacity(rows.len() * 2);
    for ((position, headline), date) in rows.iter().zip(&dates) {
        let selected = *position == app.list.selected;
        lines.push(shape.line(headline, date, selected));
        if app.list_row_height() == 2 {
            lines.push(shape.snippet(app, headline, selected));
        }
    }
    frame.render_widget(Paragraph::new(lines), inside);
    if app.list.count > items {
        super::scrollbar(frame, area, app.list.count, app.list.offset, items);
    }
}

/// What an empty list says, and how to fill it.
fn empty_list(app: &App) -> &'static str {
    let filter = &app.list.filter;
    if app.list.waiting_for_body {
        "No headline matches; searching the text…"
    } else if filter.query.is_some() {
        "No matches. Esc goes back to the list."
    } else if filter.saved_only {
        "Nothing saved yet: b saves the selected article."
    } else if filter.unread_only {
        "Nothing unread here: u shows everything."
    } else if app.web.can_refresh {
        "No articles here. R fetches the feeds followed (kiji follow URL adds one); kiji import DIR imports files."
    } else {
        "No articles here. Import some: kiji import DIR"
    }
}

/// How the rows of one screen are drawn.
struct Row<'a> {
    columns: usize,
    /// The widest date on screen: dates line up in one column.
    date_width: usize,
    theme: &'a Theme,
    focused: bool,
}

impl Row<'_> {
    fn line<'h>(&self, headline: &'h Headline, date: &str, selected: bool) -> Line<'h> {
        let theme = self.theme;
        let marker = if selected { "›" } else { " " };
        let unread = if headline.read { " " } else { "●" };
        let saved = if headline.saved { "★" } else { " " };
        let prefix = MARKS + self.date_width + GAP;
        let text_style = if headline.read {
            theme.read
        } else {
            theme.unread
        };
        let title = fit(&headline.headline, self.columns.saturating_sub(prefix));
        // pad to the pane's width so a selected row is highlighted end to end
        let pad = self.columns.saturating_sub(prefix + width(&title));
        let line = Line::from(vec![
            Span::raw(marker),
            Span::styled(unread, theme.unread_mark),
            Span::styled(saved, theme.saved_mark),
            Span::raw(" "),
            Span::styled(format!("{date:<w$}", w = self.date_width), theme.date),
            Span::raw(" ".repeat(GAP)),
            Span::styled(title, text_style),
            Span::raw(" ".repeat(pad)),
        ]);
        self.selected(line, selected)
    }

    /// The line under a search result: the words around its first match,
    /// the matches highlighted.
    fn snippet<'h>(&self, app: &App, headline: &Headline, selected: bool) -> Line<'h> {
        let indent = MARKS + self.date_width + GAP;
        let room = self.columns.saturating_sub(indent);
        let text = app.list.snippet(headline.key).unwrap_or_default();
        let text = fit(text, room).into_owned();
        let matches = app
            .list
            .filter
            .query
            .as_ref()
            .map(|q| q.matches(&text))
            .unwrap_or_default();
        let mut spans = vec![Span::raw(" ".repeat(indent))];
        spans.extend(highlighted(self.theme, &text, &matches, room, self.theme.snippet).spans);
        let used = indent + width(&text);
        spans.push(Span::raw(" ".repeat(self.columns.saturating_sub(used))));
        self.selected(Line::from(spans), selected)
    }

    fn selected<'h>(&self, line: Line<'h>, selected: bool) -> Line<'h> {
        match (selected, self.focused) {
            (true, true) => line.style(self.theme.selected),
            (true, false) => line.style(self.theme.selected_unfocused),
            _ => line,
        }
    }
}
