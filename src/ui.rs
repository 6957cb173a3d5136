//! The view: pure functions from the app's state to a frame. Nothing here
//! changes state, reads the store or caches anything.

mod headlines;
mod popups;
mod reader;
mod sidebar;
mod status;
mod tabs;

pub use status::describe as describe_status;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Borders, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

use crate::app::{App, Popup};
use crate::layout::{self, MIN_HEIGHT, MIN_WIDTH, Pane};
use crate::text::fit;
use theme::Theme;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let areas = layout::layout(area, app.shape());
    if areas.too_small {
        too_small(frame, area, theme::of(app.theme));
        return;
    }
    tabs::render(app, frame, areas.tabs);
    headlines::render(app, frame, areas.list);
    reader::render(app, frame, areas.reader);
    sidebar::render(app, frame, areas.sidebar, areas.sidebar_floats);
    status::render(app, frame, areas.status);
    match app.popup {
        Some(Popup::Help { scroll }) => popups::help(app, frame, area, scroll),
        Some(Popup::Sections { selected }) => popups::sections(app, frame, area, selected),
        Some(Popup::ConfirmMarkRead { count }) => popups::confirm(
            frame,
            area,
            &mark_read_question(app, count),
            theme::of(app.theme),
        ),
        None => {}
    }
}

/// A line with its search matches highlighted, cut to `width` columns.
fn highlighted(
    theme: &Theme,
    text: &str,
    matches: &[std::ops::Range<usize>],
    width: usize,
    style: ratatui::style::Style,
) -> Line<'static> {
    let text = fit(text, width);
    if matches.is_empty() {
        return Line::from(Span::styled(text.into_owned(), style));
    }
    let text = text.into_owned();
    let mut spans = Vec::new();
    let mut at = 0;
    for range in matches {
        // the line may have been cut: keep to what is left of it
        let (start, end) = (range.start.min(text.len()), range.end.min(text.len()));
        if start < at || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        spans.push(Span::styled(text[at..start].to_owned(), style));
        spans.push(Span::styled(
            text[start..end].to_owned(),
            style.patch(theme.highlight),
        ));
        at = end;
    }
    spans.push(Span::styled(text[at..].to_owned(), style));
    Line::from(spans)
}

/// `Mark 3 unread articles in search "yen" read?`: what `M` will mark.
fn mark_read_question(app: &App, count: usize) -> String {
    let view = match &app.list.filter.query {
        Some(query) if app.tab == crate::app::Tab::All => format!("search \"{}\"", query.text),
        Some(query) => format!("search \"{}\" in {}", query.text, app.filter_name()),
        None => app.filter_name().to_owned(),
    };
    format!(
        "Mark {} in {view} read?",
        crate::text::count(count, "unread article")
    )
}

/// The bordered block of a pane, brighter when it has the focus.
fn pane_block<'a>(title: &'a str, focused: bool, theme: &Theme) -> Block<'a> {
    let (border, title_style) = if focused {
        (theme.border_focused, theme.title_focused)
    } else {
        (theme.border, theme.title)
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(border)
        .title(Span::styled(format!(" {title} "), title_style))
}

/// A scrollbar on the right border of a pane, for `content` lines of which
/// `rows` show from `position`.
fn scrollbar(frame: &mut Frame, pane: Rect, content: usize, position: usize, rows: usize) {
    let mut state = ScrollbarState::new(content.saturating_sub(rows))
        .position(position)
        .viewport_content_length(rows);
    frame.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None),
        pane.inner(ratatui::layout::Margin::new(0, 1)),
        &mut state,
    );
}

fn focused(app: &App, pane: Pane) -> bool {
    app.focus == pane && app.popup.is_none()
}

fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    if area.is_empty() {
        return;
    }
    let long = format!(
        "Terminal too small ({}×{}); kiji needs {MIN_WIDTH}×{MIN_HEIGHT}",
        area.width, area.height
    );
    let short = format!("Too small: need {MIN_WIDTH}×{MIN_HEIGHT}");
    let columns = usize::from(area.width);
    let message = if crate::text::width(&long) <= columns {
        long
    } else {
        short
    };
    let line = Line::from(crate::text::fit(&message, columns).into_owned());
    frame.render_widget(Paragraph::new(line).style(theme.notice), area);
}

#[cfg(test)]
mod edge_tests;
#[cfg(test)]
mod tests;
