//! Where everything goes on screen, as a pure function of the terminal size
//! and the reader's shape: the panes, the top bar's tabs and the popups.
//! The view draws into these rectangles, and the app hit-tests mouse
//! clicks, sizes its pages and clamps its scrolling against the same ones,
//! so nothing is measured twice.

use ratatui::layout::{Constraint, Flex, Layout, Rect};

use crate::text;

/// Below this size only a "terminal too small" line is shown.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// From this width the sidebar is docked beside the reading pane.
pub const SIDEBAR_FROM: u16 = 100;
/// From this width the list and the reading pane sit side by side.
pub const TWO_PANES_FROM: u16 = 60;
/// Article text is wrapped no wider than this, for comfortable reading.
pub const MAX_MEASURE: u16 = 88;

/// A pane that can hold the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    List,
    Reader,
    Sidebar,
}

/// What of the reader's state decides the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape {
    pub focus: Pane,
    /// An article is open.
    pub reading: bool,
    /// The docked sidebar was hidden (wide terminals).
    pub sidebar_hidden: bool,
    /// The sidebar was called up as an overlay (narrow terminals).
    pub sidebar_overlay: bool,
}

/// The named areas of one screen. A pane that is not shown has an empty
/// rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub tabs: Rect,
    pub list: Rect,
    pub reader: Rect,
    pub sidebar: Rect,
    pub status: Rect,
    /// The sidebar floats over the other panes rather than sitting beside them.
    pub sidebar_floats: bool,
    pub too_small: bool,
}

impl Areas {
    /// The panes shown, in the order Tab visits them.
    pub fn panes(&self) -> Vec<Pane> {
        [
            (Pane::List, self.list),
            (Pane::Reader, self.reader),
            (Pane::Sidebar, self.sidebar),
        ]
        .into_iter()
        .filter(|(_, area)| !area.is_empty())
        .map(|(pane, _)| pane)
        .collect()
    }

    /// The pane under a screen position, the floating sidebar first.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let position = ratatui::layout::Position::new(column, row);
        if self.sidebar.contains(position) {
            return Some(Pane::Sidebar);
        }
        [(Pane::List, self.list), (Pane::Reader, self.reader)]
            .into_iter()
            .find(|(_, area)| area.contains(position))
            .map(|(pane, _)| pane)
    }
}

/// Lays out a screen of `area`.
pub fn layout(area: Rect, shape: Shape) -> Areas {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let [tabs, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut areas = Areas {
        tabs,
        status,
        ..Areas::default()
    };
    let width = body.width;
    if width >= SIDEBAR_FROM && !shape.sidebar_hidden {
        let sidebar = (width * 22 / 100).clamp(28, 40);
        let list = (width * 32 / 100).clamp(34, 56);
        [areas.list, areas.reader, areas.sidebar] = Layout::horizontal([
            Constraint::Length(list),
            Constraint::Fill(1),
            Constraint::Length(sidebar),
        ])
        .areas(body);
        return areas;
    }
    if width >= TWO_PANES_FROM {
        let list = (width * 40 / 100).clamp(28, 56);
        [areas.list, areas.reader] =
            Layout::horizontal([Constraint::Length(list), Constraint::Fill(1)]).areas(body);
    } else if shape.focus == Pane::Reader && shape.reading {
        areas.reader = body;
    } else {
        areas.list = body;
    }
    if shape.sidebar_overlay && width < SIDEBAR_FROM {
        let overlay = width.saturating_sub(4).min(44);
        areas.sidebar = Rect::new(body.right() - overlay, body.y, overlay, body.height);
        areas.sidebar_floats = true;
    }
    areas
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    area.inner(ratatui::layout::Margin::new(1, 1))
}

/// The width article text is wrapped to in a reading pane of this size:
/// inside the border, a column of padding each side, one for the scrollbar,
/// and no wider than a comfortable measure.
pub fn measure(reader: Rect) -> u16 {
    reader.width.saturating_sub(5).clamp(1, MAX_MEASURE)
}

/// The name at the left of the top bar.
pub const APP_NAME: &str = " kiji ";

/// The top bar in two: the name, and after a gap the strip the tabs
/// scroll in.
pub fn tab_bar(tabs: Rect) -> (Rect, Rect) {
    let name = (text::width(APP_NAME) as u16).min(tabs.width);
    let strip_from = (name + 1).min(tabs.width);
    (
        Rect::new(tabs.x, tabs.y, name, tabs.height),
        Rect::new(
            tabs.x + strip_from,
            tabs.y,
            tabs.width - strip_from,
            tabs.height,
        ),
    )
}

/// Each tab's width on the top bar: its label and a space either side.
pub fn tab_widths(labels: &[String]) -> Vec<u16> {
    labels
        .iter()
        .map(|label| text::width(label) as u16 + 2)
        .collect()
}

/// Where each section tab sits on the top bar, given each label's width:
/// `(tab index, x, width)` for the tabs that fit, scrolled so that the
/// active one is shown.
pub fn tab_positions(widths: &[u16], active: usize, area: Rect) -> Vec<(usize, u16, u16)> {
    const GAP: u16 = 1;
    let fits = |range: std::ops::RangeInclusive<usize>| {
        widths[range].iter().map(|w| w + GAP).sum::<u16>() <= area.width
    };
    let active = active.min(widths.len().saturating_sub(1));
    let mut first = 0;
    while first < active && !fits(first..=active) {
        first += 1;
    }
    let mut x = area.x;
    let mut positions = Vec::new();
    for (index, &width) in widths.iter().enumerate().skip(first) {
        if x.saturating_add(width) > area.right() {
            break;
        }
        positions.push((index, x, width));
        x = x.saturating_add(width + GAP);
    }
    positions
}

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

/// The help popup over a screen of `area`, for `lines` lines of help.
pub fn help_popup(area: Rect, lines: usize) -> Rect {
    centred(area, 70, bordered_rows(lines))
}

/// The section picker over a screen of `area`, for `tabs` tabs.
pub fn sections_popup(area: Rect, tabs: usize) -> Rect {
    centred(area, 40, bordered_rows(tabs))
}

/// A yes/no question of `columns` columns over a screen of `area`.
pub fn question_popup(area: Rect, columns: usize) -> Rect {
    centred(area, (columns as u16).saturating_add(2), 3)
}

/// Rows of a bordered box holding `lines` lines.
fn bordered_rows(lines: usize) -> u16 {
    u16::try_from(lines).unwrap_or(u16::MAX).saturating_add(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape() -> Shape {
        Shape::default()
    }

    #[test]
    fn wide_terminals_get_three_panes() {
        let areas = layout(Rect::new(0, 0, 160, 48), shape());
        assert_eq!(areas.panes(), [Pane::List, Pane::Reader, Pane::Sidebar]);
        assert_eq!(areas.tabs.height, 1);
        assert_eq!(areas.status.y, 47);
        assert_eq!(
            areas.list.width + areas.reader.width + areas.sidebar.width,
            160
        );
        assert!(!areas.sidebar_floats);
    }

    #[test]
    fn the_sidebar_folds_away_below_100_columns_and_floats_on_request() {
        let areas = layout(Rect::new(0, 0, 99, 30), shape());
        assert_eq!(areas.panes(), [Pane::List, Pane::Reader]);
        let overlay = layout(
            Rect::new(0, 0, 99, 30),
            Shape {
                sidebar_overlay: true,
                ..shape()
            },
        );
        assert!(overlay.sidebar_floats);
        assert_eq!(overlay.pane_at(98, 10), Some(Pane::Sidebar));
    }

    #[test]
    fn narrow_terminals_show_one_pane_at_a_time() {
        let area = Rect::new(0, 0, 50, 20);
        assert_eq!(layout(area, shape()).panes(), [Pane::List]);
        let reading = Shape {
            focus: Pane::Reader,
            reading: true,
            ..shape()
        };
        assert_eq!(layout(area, reading).panes(), [Pane::Reader]);
        assert_eq!(layout(area, reading).reader.width, 50);
    }

    #[test]
    fn too_small_below_the_minimum() {
        assert!(layout(Rect::new(0, 0, 29, 20), shape()).too_small);
        assert!(layout(Rect::new(0, 0, 80, 7), shape()).too_small);
        assert!(layout(Rect::new(0, 0, 0, 0), shape()).too_small);
        assert!(!layout(Rect::new(0, 0, 30, 8), shape()).too_small);
    }

    #[test]
    fn tabs_scroll_to_keep_the_active_one_in_view() {
        let area = Rect::new(0, 0, 20, 1);
        let widths = [5, 5, 5, 5, 5, 5];
        let first: Vec<usize> = tab_positions(&widths, 0, area)
            .iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(first, [0, 1, 2]);
        let last: Vec<usize> = tab_positions(&widths, 5, area)
            .iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(last, [3, 4, 5]);
        assert!(tab_positions(&[], 0, area).is_empty());
    }
}
