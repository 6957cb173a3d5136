//! The sidebar: `Popular · <Section>` and `Access Ranking`, numbered; items
//! that link to a stored article are bright, the others dim.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{focused, pane_block};
use crate::app::{App, SidebarRow, scroll_for};
use crate::layout::{Pane, inner};
use crate::text::{fit, width};

pub fn render(app: &App, frame: &mut Frame, area: Rect, floats: bool) {
    let theme = super::theme::of(app.theme);
    if area.is_empty() {
        return;
    }
    if floats {
        super::popups::open(frame, area);
    }
    let is_focused = focused(app, Pane::Sidebar);
    frame.render_widget(pane_block("Popular & Ranking", is_focused, theme), area);
    let inside = inner(area);
    let columns = usize::from(inside.width);
    let rows = app.sidebar.rows();
    let scroll = scroll_for(&rows, app.sidebar.selected, usize::from(inside.height));
    let lines: Vec<Line> = rows
        .iter()
        .skip(scroll)
        .take(usize::from(inside.height))
        .map(|row| match row {
            SidebarRow::Header(text) => {
                Line::from(Span::styled(fit(text, columns), theme.list_title))
            }
            SidebarRow::Note(text) => {
                Line::from(Span::styled(fit(text, columns), theme.placeholder))
            }
            SidebarRow::Blank => Line::default(),
            SidebarRow::Empty => {
                Line::from(Span::styled(fit("  (none)", columns), theme.placeholder))
            }
            SidebarRow::Item {
                index,
                number,
                entry,
            } => {
                let selected = *index == app.sidebar.selected;
                let number = format!("{number:>2}. ");
                let title = fit(&entry.title, columns.saturating_sub(width(&number)));
                let pad = columns.saturating_sub(width(&number) + width(&title));
                let style = if entry.article.is_some() {
                    theme.linked
                } else {
                    theme.unlinked
                };
                let line = Line::from(vec![
                    Span::styled(number, theme.number),
                    Span::styled(title, style),
                    Span::raw(" ".repeat(pad)),
                ]);
                match (selected, is_focused) {
                    (true, true) => line.style(theme.selected),
                    _ => line,
                }
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inside);
}
