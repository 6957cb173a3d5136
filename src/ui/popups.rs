//! Popups: the key list (drawn from the key table), the section picker and
//! a yes/no question, in the rectangles [`crate::layout`] gives them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::pane_block;
use super::theme::Theme;
use crate::app::App;
use crate::keys::{HelpLine, help_lines};
use crate::layout::{help_popup, inner, question_popup, sections_popup};
use crate::text::{fit, width};

/// The key list, by context, from the key table itself.
pub fn help(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let theme = super::theme::of(app.theme);
    let lines = help_lines();
    let popup = help_popup(area, lines.len());
    frame.render_widget(Clear, popup);
    frame.render_widget(pane_block("Keys · Esc closes", true, theme), popup);
    let inside = inner(popup);
    let columns = usize::from(inside.width);
    let label_width = app
        .keymap
        .bindings()
        .map(|(b, _)| width(&app.keymap.label(b)))
        .max()
        .unwrap_or(0)
        + 2;
    let lines: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .map(|line| match line {
            HelpLine::Heading(text) => Line::from(Span::styled(
                fit(text, columns).into_owned(),
                theme.list_title,
            )),
            HelpLine::Blank => Line::default(),
            HelpLine::Binding(binding) => {
                let label = format!(" {:<label_width$}", app.keymap.label(binding));
                let help = fit(binding.help, columns.saturating_sub(width(&label)));
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
    frame.render_widget(Clear, popup);
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
    frame.render_widget(Clear, popup);
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
