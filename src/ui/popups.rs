//! Popups: the key list (drawn from the key table) and the section picker.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::pane_block;
use super::text::{fit, width};
use super::theme::Theme;
use crate::app::App;
use crate::keys::{BINDINGS, Binding, Context};
use crate::layout::inner;

/// A rectangle of at most `columns` × `rows`, centred in `area`.
fn centred(area: Rect, columns: u16, rows: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(rows.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(columns.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    popup
}

/// The key list, by context, from the key table itself.
pub fn help(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let theme = super::theme::of(app.theme);
    let lines = help_lines();
    let popup = centred(area, 70, lines.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    frame.render_widget(pane_block("Keys · Esc closes", true, theme), popup);
    let inside = inner(popup);
    let columns = usize::from(inside.width);
    let label_width = BINDINGS
        .iter()
        .map(|b| width(&app.keymap.label(b)))
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

enum HelpLine {
    Heading(&'static str),
    Blank,
    Binding(&'static Binding),
}

/// Every binding under the heading of its context.
fn help_lines() -> Vec<HelpLine> {
    let mut lines = Vec::new();
    for context in Context::ALL {
        if !lines.is_empty() {
            lines.push(HelpLine::Blank);
        }
        lines.push(HelpLine::Heading(context.title()));
        lines.extend(
            BINDINGS
                .iter()
                .filter(|b| b.context == context)
                .map(HelpLine::Binding),
        );
    }
    lines
}

/// A yes/no question.
pub fn confirm(frame: &mut Frame, area: Rect, question: &str, theme: &Theme) {
    let text = format!(" {question}  y / n ");
    let popup = centred(area, width(&text) as u16 + 2, 3);
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
    let popup = centred(area, 40, labels.len() as u16 + 2);
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
