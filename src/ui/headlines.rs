//! The headline list: an unread mark, the date and the headline, cut to the
//! pane; only the rows on screen are built.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::{focused, pane_block};
use crate::app::App;
use crate::layout::{Pane, inner};
use crate::store::Headline;
use crate::text::fit;

/// Columns before the headline: marker, unread mark, space, `Feb 06`, gap.
const PREFIX: usize = 11;

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
    let rows = usize::from(inside.height);
    let width = usize::from(inside.width);
    if app.list.count == 0 {
        let filter = &app.list.filter;
        let why = if filter.query.is_some() {
            "No matches. Esc goes back to the list."
        } else if filter.saved_only {
            "Nothing saved yet: b saves the selected article."
        } else if filter.unread_only {
            "Nothing unread here: u shows everything."
        } else {
            "No articles here. Import some: kiji import DIR"
        };
        let empty = Paragraph::new(Span::styled(fit(why, width), theme.placeholder));
        frame.render_widget(empty, inside);
        return;
    }
    let lines: Vec<Line> = app
        .list
        .visible(rows)
        .map(|(position, headline)| {
            row(
                headline,
                position == app.list.selected,
                is_focused,
                width,
                theme,
                app.local_time,
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inside);
    if app.list.count > rows {
        super::scrollbar(frame, area, app.list.count, app.list.offset, rows);
    }
}

fn row<'a>(
    headline: &'a Headline,
    selected: bool,
    focused: bool,
    width: usize,
    theme: &Theme,
    local_time: bool,
) -> Line<'a> {
    let marker = if selected { "›" } else { " " };
    let mark = if headline.read { " " } else { "●" };
    let date = match headline.published {
        Some(p) => crate::time::short_date(p, local_time),
        None => "      ".to_owned(),
    };
    let text_style = if headline.read {
        theme.read
    } else {
        theme.unread
    };
    let title = fit(&headline.headline, width.saturating_sub(PREFIX));
    // pad to the pane's width so a selected row is highlighted end to end
    let pad = width.saturating_sub(PREFIX + crate::text::width(&title));
    let line = Line::from(vec![
        Span::raw(marker),
        Span::styled(mark, theme.unread_mark),
        Span::raw(" "),
        Span::styled(date, theme.date),
        Span::raw("  "),
        Span::styled(title, text_style),
        Span::raw(" ".repeat(pad)),
    ]);
    match (selected, focused) {
        (true, true) => line.style(theme.selected),
        (true, false) => line.style(theme.selected_unfocused),
        _ => line,
    }
}
