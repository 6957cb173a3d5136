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
            &format!("Mark {count} articles in {} read?", app.filter_name()),
            theme::of(app.theme),
        ),
        None => {}
    }
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
mod tests;
