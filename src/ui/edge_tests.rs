//! Popup edges over wide characters, frame after frame: a terminal draws a
//! wide character over the column after it, so a popup whose edge falls
//! there loses its border unless the view sees to it. A test of one
//! buffer cannot see this; the frames are diffed onto a `TestBackend` as
//! onto a terminal, and the backend's cells checked.

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use super::render;
use crate::action::Action;
use crate::app::{App, Popup};
use crate::article::{Article, ListItem};
use crate::layout;
use crate::store::Store;

fn clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 4, 15, 0, 0, 0)
        .single()
        .expect("valid")
}

/// Headlines of wide characters (CJK and emoji), mixed with narrow ones.
fn wide_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("東京"),
            Just("の"),
            Just("桜"),
            Just("🎌"),
            Just("😀"),
            Just("a"),
            Just(" ")
        ],
        8..60,
    )
    .prop_map(|pieces| pieces.concat())
}

fn app_of(headlines: &[String], width: u16, height: u16) -> App {
    let articles: Vec<Article> = headlines
        .iter()
        .enumerate()
        .map(|(index, headline)| {
            let mut article = Article::new(format!("{headline} {index}"), None);
            article.section = Some(format!("東京{}", index % 3));
            article.body.push(headline.clone().into());
            article.popular = headlines
                .iter()
                .take(5)
                .cloned()
                .map(ListItem::from)
                .collect();
            article
        })
        .collect();
    let mut store = Store::open_in_memory().expect("store");
    store.import(&articles).expect("import");
    App::new(store, Rect::new(0, 0, width, height), clock).expect("app")
}

/// The rectangle the open popup (or the floating sidebar) is drawn in.
fn popup_area(app: &App) -> Option<Rect> {
    let area = app.size;
    match app.popup {
        Some(Popup::Help { .. }) => Some(layout::help(area, &app.keymap).popup),
        Some(Popup::Sections { .. }) => Some(layout::sections_popup(area, app.tabs().len())),
        Some(Popup::ConfirmMarkRead { .. }) => None,
        None => app.areas().sidebar_floats.then(|| app.areas().sidebar),
    }
}

const BORDERS: [&str; 10] = ["┃", "┏", "┗", "┓", "┛", "│", "╭", "╰", "╮", "╯"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_popup_edge_stands_on_its_column_over_any_text(
        headlines in prop::collection::vec(wide_text(), 4..12),
        width in 30u16..130,
        height in 8u16..30,
        popup in 0usize..3,
    ) {
        let mut app = app_of(&headlines, width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal.draw(|frame| render(&app, frame)).expect("draws");
        let action = [Action::Help, Action::PickSection, Action::ToggleSidebar][popup].clone();
        app.update(action.clone());
        terminal.draw(|frame| render(&app, frame)).expect("draws");
        let Some(area) = popup_area(&app) else {
            return Ok(());
        };
        let screen = terminal.backend().buffer();
        for y in area.top()..area.bottom() {
            for x in [area.left(), area.right() - 1] {
                let symbol = screen[(x, y)].symbol();
                prop_assert!(
                    BORDERS.contains(&symbol),
                    "{action:?} at {width}×{height}: ({x}, {y}) holds {symbol:?}"
                );
            }
        }
    }
}
