//! The reading pane: the open article's wrapped lines from its scroll
//! position, with a scrollbar and how far through it the reader is.

use ratatui::Frame;
use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{focused, highlighted, pane_block};
use crate::app::{App, LineKind};
use crate::layout::{Pane, inner, measure};
use crate::text::fit;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = super::theme::of(app.theme);
    if area.is_empty() {
        return;
    }
    let is_focused = focused(app, Pane::Reader);
    let inside = inner(area);
    let rows = usize::from(inside.height);
    let Some(reading) = &app.reading else {
        frame.render_widget(pane_block("Article", is_focused, theme), area);
        let hint = fit(
            "Select a headline and press Enter to read it.",
            usize::from(inside.width),
        );
        frame.render_widget(
            Paragraph::new(Span::styled(hint, theme.placeholder)).alignment(Alignment::Center),
            inside.inner(Margin::new(0, inside.height / 3)),
        );
        return;
    };
    let end = (reading.scroll + rows).min(reading.lines.len());
    let percent = if reading.lines.len() <= rows {
        100
    } else {
        end * 100 / reading.lines.len()
    };
    let block = pane_block("Article", is_focused, theme)
        .title_bottom(Line::from(format!(" {percent}% ")).alignment(Alignment::Right));
    frame.render_widget(block, area);
    let width = usize::from(measure(area));
    let lines: Vec<Line> = reading.lines[reading.scroll.min(end)..end]
        .iter()
        .map(|line| {
            let style = match line.kind {
                LineKind::Headline => theme.headline,
                LineKind::Meta => theme.meta,
                LineKind::Caption => theme.caption,
                LineKind::Credit => theme.credit,
                LineKind::Subhead => theme.subhead,
                LineKind::Body | LineKind::Blank => theme.body,
            };
            highlighted(theme, &line.text, &line.matches, width, style)
        })
        .collect();
    let text_area = inside.inner(Margin::new(1, 0));
    frame.render_widget(Paragraph::new(lines), text_area);
    if reading.lines.len() > rows {
        super::scrollbar(frame, area, reading.lines.len(), reading.scroll, rows);
    }
}
