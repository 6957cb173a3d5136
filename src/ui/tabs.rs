//! The top bar: the name, then a tab per section with its count.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::layout::{APP_NAME, tab_bar, tab_positions, tab_widths};
use crate::text::fit;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = super::theme::of(app.theme);
    let (name, strip) = tab_bar(area);
    frame.render_widget(Paragraph::new(Span::styled(APP_NAME, theme.app_name)), name);
    let labels = app.tab_labels();
    let widths = tab_widths(&labels);
    let active = app.tab_index();
    let mut spans = Vec::new();
    let mut x = strip.x;
    for (index, at, width) in tab_positions(&widths, active, strip) {
        if at > x {
            spans.push(Span::raw(" ".repeat(usize::from(at - x))));
        }
        let style = if index == active {
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
