//! The status line: the filter and its counts, a notice when there is one,
//! and key hints from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{fit, width};
use super::theme::THEME;
use crate::action::Action;
use crate::app::App;
use crate::keys::BINDINGS;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let columns = usize::from(area.width);
    let counts = if app.list.filter.section.is_some() {
        format!(
            " {} · {} of {} · {} unread",
            app.filter_name(),
            app.list.count,
            app.total,
            app.unread
        )
    } else {
        format!(" All · {} articles · {} unread", app.total, app.unread)
    };
    let mut spans = vec![Span::styled(
        fit(&counts, columns).into_owned(),
        THEME.status,
    )];
    let mut used = width(&counts).min(columns);
    if let Some(notice) = &app.notice {
        let notice = fit(&format!(" · {notice}"), columns.saturating_sub(used)).into_owned();
        used += width(&notice);
        spans.push(Span::styled(notice, THEME.notice));
    }
    // as many hints as fit: help first, then the key table's order
    let help = BINDINGS.iter().filter(|b| b.action == Action::Help);
    let others = BINDINGS.iter().filter(|b| b.action != Action::Help);
    let mut hints = String::new();
    for hint in help.chain(others).filter_map(|b| b.hint) {
        if used + width(&hints) + width(hint) + 4 > columns {
            break;
        }
        hints.push_str(hint);
        hints.push_str("  ");
    }
    if !hints.is_empty() {
        let gap = columns.saturating_sub(used + width(&hints));
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(hints, THEME.hint));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
