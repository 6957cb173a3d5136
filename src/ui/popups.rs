//! Popups: the key list (drawn from the key table), the section picker and
//! a yes/no question, in the rectangles [`crate::layout`] gives them. A
//! popup's edge stands on its own column over any text: a wide character
//! beneath that the edge cuts in two is blanked.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::pane_block;
use super::theme::Theme;
use crate::app::App;
use crate::layout::{HelpRow, inner, question_popup, sections_popup};
use crate::text::{fit, width};

/// The key list, by context, from the key table itself.
pub fn help(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let theme = super::theme::of(app.theme);
    let help = crate::layout::help(area, &app.keymap);
    open(frame, help.popup);
    frame.render_widget(pane_block("Keys · Esc closes", true, theme), help.popup);
    let inside = inner(help.popup);
    let columns = usize::from(inside.width);
    let keys_width = help.keys_width;
    let lines: Vec<Line> = help
        .rows
        .into_iter()
        .skip(scroll)
        .map(|row| match row {
            HelpRow::Heading(text) => Line::from(Span::styled(
                fit(text, columns).into_owned(),
                theme.list_title,
            )),
            HelpRow::Blank => Line::default(),
            HelpRow::Binding { keys, help } => {
                let keys = fit(&keys, keys_width.saturating_sub(1)).into_owned();
                let label = format!(" {keys:<keys_width$}");
                let help = fit(&help, columns.saturating_sub(width(&label))).into_owned();
                Line::from(vec![
                    Span::styled(fit(&label, columns).into_owned(), theme.key),
                    Span::raw(help),
                ])
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inside);
}

/// A yes/no question.
pub fn confirm(frame: &mut Frame, area: Rect, question: &str, theme: &Theme) {
    let text = format!(" {question}  y / n ");
    let popup = question_popup(area, width(&text));
    open(frame, popup);
    frame.render_widget(pane_block("Confirm", true, theme), popup);
    let inside = inner(popup);
    frame.render_widget(
        Paragraph::new(fit(&text, usize::from(inside.width)).into_owned()),
        inside,
    );
}

pub fn sections(app: &App, frame: &mut Frame, area: Rect, selected: usize) {
    let theme = super::theme::of(app.theme);
    let labels = app.tab_labels();
    let popup = sections_popup(area, labels.len());
    open(frame, popup);
    frame.render_widget(pane_block("Section · Enter filters", true, theme), popup);
    let inside = inner(popup);
    let rows = usize::from(inside.height).max(1);
    let first = (selected + 1).saturating_sub(rows);
    let columns = usize::from(inside.width);
    let lines: Vec<Line> = labels
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(index, label)| {
            let marker = if index == selected { "›" } else { " " };
            let text = fit(&format!("{marker} {label}"), columns).into_owned();
            let pad = columns.saturating_sub(width(&text));
            let line = Line::from(vec![Span::raw(text), Span::raw(" ".repeat(pad))]);
            if index == selected {
                line.style(theme.selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inside);
}

/// Clears `area` to draw a popup in, and blanks any wide character to its
/// left that the popup's edge would cut in two: a terminal draws such a
/// character over the edge's column, and the edge would be lost.
pub fn open(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    blank_cut_wide_characters(frame.buffer_mut(), area);
}

/// Blanks the wide characters that stand half under `area`'s left edge.
fn blank_cut_wide_characters(buffer: &mut Buffer, area: Rect) {
    let Some(left) = area.x.checked_sub(1) else {
        return;
    };
    for y in area.top()..area.bottom() {
        let cell = &mut buffer[(left, y)];
        if width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}
