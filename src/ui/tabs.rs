//! The top bar: the name, then a tab per section with its counts, and `‹`
//! or `›` where tabs are scrolled out of sight.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::layout::{APP_NAME, tab_bar, tab_strip, tab_widths};
use crate::text::fit;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = super::theme::of(app.theme);
    let (name, strip_area) = tab_bar(area);
    frame.render_widget(Paragraph::new(Span::styled(APP_NAME, theme.app_name)), name);
    let labels = app.tab_labels();
    let active = app.tab_index();
    let strip = tab_strip(&tab_widths(&labels), active, strip_area);
    let mut spans = Vec::new();
    let mut x = strip_area.x;
    let go_to = |spans: &mut Vec<Span<'static>>, at: u16, x: &mut u16| {
        if at > *x {
            spans.push(Span::raw(" ".repeat(usize::from(at - *x))));
            *x = at;
        }
    };
    if let Some(at) = strip.more_left {
        go_to(&mut spans, at, &mut x);
        spans.push(Span::styled("‹", theme.hint));
        x += 1;
    }
    for &(index, at, width) in &strip.tabs {
        go_to(&mut spans, at, &mut x);
        let style = if index == active {
            theme.tab_active
        } else {
            theme.tab
        };
        let label = fit(&labels[index], usize::from(width.saturating_sub(2)));
        spans.push(Span::styled(format!(" {label} "), style));
        x = at + width;
    }
    if let Some(at) = strip.more_right {
        go_to(&mut spans, at, &mut x);
        spans.push(Span::styled("›", theme.hint));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), strip_area);
}
