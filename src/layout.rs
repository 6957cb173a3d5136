//! Where everything goes on screen, as a pure function of the terminal size
//! and the reader's shape: the panes, the top bar's tabs and the popups.
//! The view draws into these rectangles, and the app hit-tests mouse
//! clicks, sizes its pages and clamps its scrolling against the same ones,
//! so nothing is measured twice.

use ratatui::layout::{Constraint, Flex, Layout, Rect};

use crate::keys::{HelpLine, Keymap, help_lines};
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
/// The reading pane grows no wider than its text needs: border, padding,
/// scrollbar and the measure. A wider screen gives the rest to the list.
const READER_MAX: u16 = MAX_MEASURE + 5;
/// The list's share of the width beside the sidebar, in per cent, unless
/// the reader moves the split.
pub const LIST_SHARE: u16 = 45;
/// How far the split may move, in per cent.
pub const LIST_SHARES: std::ops::RangeInclusive<u16> = 20..=75;

/// A pane that can hold the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    List,
    Reader,
    Sidebar,
}

/// What of the reader's state decides the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub focus: Pane,
    /// An article is open.
    pub reading: bool,
    /// The docked sidebar was hidden (wide terminals).
    pub sidebar_hidden: bool,
    /// The sidebar was called up as an overlay (narrow terminals).
    pub sidebar_overlay: bool,
    /// The list's share of the width beside the sidebar, in per cent.
    pub list_share: u16,
}

impl Default for Shape {
    fn default() -> Self {
        Self {
            focus: Pane::default(),
            reading: false,
            sidebar_hidden: false,
            sidebar_overlay: false,
            list_share: LIST_SHARE,
        }
    }
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
        let list = list_width(width - sidebar, shape.list_share);
        [areas.list, areas.reader, areas.sidebar] = Layout::horizontal([
            Constraint::Length(list),
            Constraint::Fill(1),
            Constraint::Length(sidebar),
        ])
        .areas(body);
        return areas;
    }
    if width >= TWO_PANES_FROM {
        let list = list_width(width, shape.list_share);
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

/// The list's width where the list and the reading pane share `width`
/// columns: its share, and whatever the reading pane cannot use; never so
/// much that either becomes too narrow to read.
fn list_width(width: u16, share: u16) -> u16 {
    let share = share.clamp(*LIST_SHARES.start(), *LIST_SHARES.end());
    let list = (u32::from(width) * u32::from(share) / 100) as u16;
    let unused_by_reader = width.saturating_sub(READER_MAX);
    list.max(unused_by_reader)
        .clamp(28.min(width), width.saturating_sub(30).max(28))
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

/// The tabs of the top bar as drawn: where each tab that fits sits, and
/// where the marks for tabs scrolled out of sight go.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TabStrip {
    /// `(tab index, x, width)` for the tabs shown.
    pub tabs: Vec<(usize, u16, u16)>,
    /// Where `‹` goes when tabs are hidden to the left.
    pub more_left: Option<u16>,
    /// Where `›` goes when tabs are hidden to the right.
    pub more_right: Option<u16>,
}

/// Lays the tabs out on the strip, given each label's width: all of them
/// when they fit; else as many as fit between a `‹` and a `›`, scrolled so
/// that the active one is shown.
pub fn tab_strip(widths: &[u16], active: usize, area: Rect) -> TabStrip {
    const GAP: u16 = 1;
    let total: u16 = widths
        .iter()
        .fold(0u16, |sum, w| sum.saturating_add(w + GAP));
    if total <= area.width.saturating_add(GAP) {
        return TabStrip {
            tabs: positions(widths, 0, area),
            ..TabStrip::default()
        };
    }
    // a column for each mark and a space beside it
    let inner = Rect::new(
        area.x + 2.min(area.width),
        area.y,
        area.width.saturating_sub(4),
        area.height,
    );
    let fits = |range: std::ops::RangeInclusive<usize>| {
        widths[range].iter().map(|w| w + GAP).sum::<u16>() <= inner.width + GAP
    };
    let active = active.min(widths.len().saturating_sub(1));
    let mut first = 0;
    while first < active && !fits(first..=active) {
        first += 1;
    }
    // with nothing hidden to the left, the tabs start at the strip's start
    let from = if first == 0 {
        Rect::new(area.x, area.y, area.width.saturating_sub(2), area.height)
    } else {
        inner
    };
    let tabs = positions(widths, first, from);
    let last = tabs.last().map_or(first, |&(index, ..)| index);
    TabStrip {
        more_left: (first > 0).then_some(area.x),
        more_right: (last + 1 < widths.len()).then(|| area.right().saturating_sub(1)),
        tabs,
    }
}

/// The tabs from `first` on that fit in `area`, one column apart.
fn positions(widths: &[u16], first: usize, area: Rect) -> Vec<(usize, u16, u16)> {
    let mut x = area.x;
    let mut positions = Vec::new();
    for (index, &width) in widths.iter().enumerate().skip(first) {
        if x.saturating_add(width) > area.right() {
            break;
        }
        positions.push((index, x, width));
        x = x.saturating_add(width + 1);
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

/// One row of the help popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    /// A context's heading.
    Heading(&'static str),
    Blank,
    /// A binding's keys and the first line of what they do; the keys are
    /// empty on the lines its description wraps onto.
    Binding {
        keys: String,
        help: String,
    },
}

/// The help popup laid out: where it goes, the width of its keys column,
/// and its rows, descriptions wrapped to the width left for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    pub popup: Rect,
    pub keys_width: usize,
    pub rows: Vec<HelpRow>,
}

/// The help popup over a screen of `area`, for the bindings in `keymap`.
pub fn help(area: Rect, keymap: &Keymap) -> Help {
    let columns = usize::from(area.width.min(HELP_WIDTH).saturating_sub(2));
    let widest = keymap
        .bindings()
        .map(|(binding, _)| text::width(&keymap.label(binding)))
        .max()
        .unwrap_or(0);
    // keys and a gap, but never so wide that descriptions get no room
    let keys_width = (widest + 2).min(columns / 2);
    let room = columns.saturating_sub(keys_width + 1).max(1);
    let mut rows = Vec::new();
    for line in help_lines() {
        match line {
            HelpLine::Heading(text) => rows.push(HelpRow::Heading(text)),
            HelpLine::Blank => rows.push(HelpRow::Blank),
            HelpLine::Binding(binding) => {
                let keys = keymap.label(binding);
                for (index, range) in text::wrap(binding.help, room).into_iter().enumerate() {
                    rows.push(HelpRow::Binding {
                        keys: if index == 0 {
                            keys.clone()
                        } else {
                            String::new()
                        },
                        help: binding.help[range].to_owned(),
                    });
                }
            }
        }
    }
    Help {
        popup: centred(area, HELP_WIDTH, bordered_rows(rows.len())),
        keys_width,
        rows,
    }
}

/// The widest the help popup grows.
const HELP_WIDTH: u16 = 76;

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
mod tests;
