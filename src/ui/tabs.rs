//! The top bar: the name, then a tab per section with its count.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::fit;
use crate::app::{App, tab_strip};
use crate::layout::tab_positions;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = super::theme::of(app.theme);
    frame.render_widget(Paragraph::new(Span::styled(" kiji ", theme.app_name)), area);
    let strip = tab_strip(area);
    let labels = app.tab_labels();
    let widths = crate::layout::tab_widths(&labels);
    let mut spans = Vec::new();
    let mut x = strip.x;
    for (index, at, width) in tab_positions(&widths, app.tab, strip) {
        if at > x {
            spans.push(Span::raw(" ".repeat(usize::from(at - x))));
        }
        let style = if index == app.tab {
            theme.tab_active
        } else {
            theme.tab
        };
        let label = fit(&labels[index], usize::from(width.saturating_sub(2)));
        spans.push(Span::styled(format!(" {label} "), style));
        x = at + width;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), strip);
}
