//! Key presses to state, with no terminal: every binding of the key table.

use chrono::TimeZone;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::keys::Context;

fn clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 4, 15, 0, 0, 0)
        .single()
        .expect("valid")
}

fn sample_app(width: u16, height: u16) -> App {
    let mut store = Store::open_in_memory().expect("store");
    store.import(&crate::load::samples()).expect("samples");
    App::new(store, Rect::new(0, 0, width, height), clock).expect("app")
}

fn press(app: &mut App, code: KeyCode) {
    press_with(app, code, KeyModifiers::NONE);
}

fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let action = app
        .keymap
        .action_for(KeyEvent::new(code, modifiers), app.key_context())
        .unwrap_or_else(|| panic!("{code:?} is bound"));
    app.update(action);
}

fn selected_headline(app: &App) -> String {
    app.list
        .selected_headline()
        .expect("a selection")
        .headline
        .clone()
}

#[test]
fn opens_on_the_newest_headline_with_counts() {
    let app = sample_app(160, 48);
    assert_eq!(app.total, 27);
    assert_eq!(app.unread, 27);
    assert_eq!(app.list.count, 27);
    assert_eq!(
        selected_headline(&app),
        "Manga Museum in Kyoto Reopens After Renovation"
    );
    assert_eq!(app.focus, Pane::List);
    assert_eq!(app.sections.len(), 7);
    assert_eq!(app.sidebar.ranking.entries.len(), 5);
}

#[test]
fn arrows_and_vim_keys_move_the_selection() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.list.selected, 2);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.list.selected, 1);
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.list.selected, 0);
}

#[test]
fn pages_and_ends() {
    let mut app = sample_app(160, 12);
    let page = usize::from(crate::layout::inner(app.areas().list).height) - 1;
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.list.selected, page);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(app.list.selected, 2 * page);
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.list.selected, page);
    press(&mut app, KeyCode::End);
    assert_eq!(app.list.selected, 26);
    assert_eq!(
        selected_headline(&app),
        "Vacant Home Bank Matches Empty Houses With Young Families"
    );
    press(&mut app, KeyCode::Home);
    assert_eq!(app.list.selected, 0);
    press_with(&mut app, KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(app.list.selected, 26);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.list.selected, 0);
}

#[test]
fn enter_opens_the_article_marks_it_read_and_focuses_it() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let reading = app.reading.as_ref().expect("open");
    assert_eq!(reading.article.headline, selected_headline(&app));
    assert_eq!(app.focus, Pane::Reader);
    assert!(app.list.selected_headline().expect("row").read);
    assert_eq!(app.unread, 26);
    let business = app
        .sections
        .iter()
        .find(|s| s.name == "Business")
        .expect("section");
    assert_eq!((business.articles, business.unread), (4, 3));
    // the sidebar shows the page's own lists
    assert_eq!(app.sidebar.popular.title, "Popular · Business");
    let own: Vec<&str> = reading
        .article
        .popular
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    let shown: Vec<&str> = app
        .sidebar
        .popular
        .entries
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(shown, own);
    // opening it again changes no count
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.unread, 26);
}

#[test]
fn keys_scroll_the_open_article() {
    let mut app = sample_app(60, 12);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Reader);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.reading.as_ref().map(|r| r.scroll), Some(2));
    press(&mut app, KeyCode::Up);
    assert_eq!(app.reading.as_ref().map(|r| r.scroll), Some(1));
    press(&mut app, KeyCode::End);
    let reading = app.reading.as_ref().expect("open");
    let rows = usize::from(crate::layout::inner(app.areas().reader).height);
    assert_eq!(reading.scroll, reading.max_scroll(rows));
    assert!(reading.scroll > 0);
    press(&mut app, KeyCode::Home);
    assert_eq!(app.reading.as_ref().map(|r| r.scroll), Some(0));
    // the list selection did not move while the article scrolled
    assert_eq!(app.list.selected, 0);
}

#[test]
fn space_pages_down_and_at_the_end_opens_the_next_unread_article() {
    let mut app = sample_app(60, 12);
    press(&mut app, KeyCode::Enter);
    let first = selected_headline(&app);
    press(&mut app, KeyCode::Char(' '));
    assert!(app.reading.as_ref().is_some_and(|r| r.scroll > 0));
    press(&mut app, KeyCode::End);
    assert_eq!(
        app.reading.as_ref().map(|r| r.scroll),
        Some(reading_max(&app))
    );
    press(&mut app, KeyCode::Char(' '));
    let reading = app.reading.as_ref().expect("open");
    assert_ne!(reading.article.headline, first);
    assert_eq!(reading.article.headline, selected_headline(&app));
    assert_eq!((reading.scroll, app.list.selected), (0, 1));
}

fn reading_max(app: &App) -> usize {
    let rows = usize::from(crate::layout::inner(app.areas().reader).height);
    app.reading.as_ref().map_or(0, |r| r.max_scroll(rows))
}

#[test]
fn escape_goes_back_step_by_step() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Pane::List);
    assert!(app.reading.is_some());
    press(&mut app, KeyCode::Esc);
    assert!(app.reading.is_none());
}

#[test]
fn tab_and_arrows_cycle_the_focus_through_the_panes() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Reader);
    press(&mut app, KeyCode::Right);
    assert_eq!(app.focus, Pane::Sidebar);
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(app.focus, Pane::List);
    press_with(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(app.focus, Pane::Sidebar);
    press(&mut app, KeyCode::Left);
    assert_eq!(app.focus, Pane::Reader);
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(app.focus, Pane::List);
}

#[test]
fn brackets_cycle_the_section_filter_and_everything_follows() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.filter_name(), "Saved");
    assert_eq!(app.list.count, 0);
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.filter_name(), "Business");
    assert_eq!(app.list.count, 4);
    assert_eq!(
        selected_headline(&app),
        "Yen Slides to New Low Against Dollar as Interest Rate Gap Persists"
    );
    assert!(
        app.sidebar
            .popular
            .title
            .starts_with("Popular · Business · newest"),
        "{}",
        app.sidebar.popular.title
    );
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.filter_name(), "Culture");
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.filter_name(), "All");
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.filter_name(), "World");
    assert_eq!(app.list.count, 3);
}

#[test]
fn the_section_picker_filters_and_escape_closes_it() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.popup, Some(Popup::Sections { selected: 0 }));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.popup, None);
    assert_eq!(app.filter_name(), "Politics");
    assert_eq!(app.list.count, 4);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.popup, None);
    assert_eq!(app.filter_name(), "Politics");
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = sample_app(100, 20);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.popup, Some(Popup::Help { scroll: 0 }));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.popup, Some(Popup::Help { scroll: 1 }));
    // keys meant for the panes do nothing while help is up
    assert_eq!(app.list.selected, 0);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.popup, None);
    press(&mut app, KeyCode::F(1));
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.popup, None);
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.running);
    let mut app = sample_app(160, 48);
    press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(!app.running);
}

#[test]
fn a_linked_sidebar_item_opens_its_article_and_an_unlinked_one_says_so() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Down); // the yen article: Popular · Business
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Sidebar);
    let linked = app
        .sidebar
        .popular
        .entries
        .iter()
        .position(|e| e.article.is_some())
        .expect("a link");
    for _ in 0..linked {
        press(&mut app, KeyCode::Down);
    }
    let title = app.sidebar.selected_entry().expect("item").title.clone();
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.reading.as_ref().map(|r| r.article.headline.clone()),
        Some(title.clone())
    );
    assert_eq!(selected_headline(&app), title);
    assert_eq!(app.focus, Pane::Reader);

    press(&mut app, KeyCode::Tab);
    let unlinked = (0..app.sidebar.len())
        .find(|&i| {
            app.sidebar.select(i);
            app.sidebar.selected_article().is_none()
        })
        .expect("an unlinked item");
    app.sidebar.select(unlinked);
    press(&mut app, KeyCode::Enter);
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.starts_with("Not in the store"))
    );
    assert_eq!(
        app.reading.as_ref().map(|r| r.article.headline.clone()),
        Some(title)
    );
}

#[test]
fn a_remapped_key_does_its_new_action_and_the_old_key_nothing() {
    let mut keymap = crate::keys::Keymap::default();
    keymap.remap("quit", &["x".into()]).expect("remap");
    keymap.remap("down", &["ctrl-n".into()]).expect("remap");
    let mut app = sample_app(160, 48).with_keymap(keymap);
    press_with(&mut app, KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(app.list.selected, 1);
    let j = app.keymap.action_for(
        KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE),
        Context::Main,
    );
    assert_eq!(j, None);
    let q = app.keymap.action_for(
        KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE),
        Context::Main,
    );
    assert_eq!(q, None);
    press(&mut app, KeyCode::Char('x'));
    assert!(!app.running);
}

#[test]
fn the_configured_start_section_sidebar_and_time_zone() {
    let app = sample_app(160, 48)
        .with_sidebar(false)
        .with_local_time(true)
        .with_section("Sports")
        .expect("section");
    assert_eq!(app.filter_name(), "Sports");
    assert_eq!(app.list.count, 3);
    assert!(app.areas().sidebar.is_empty());
    let unknown = sample_app(160, 48).with_section("Nope").expect("ignored");
    assert_eq!(unknown.filter_name(), "All");
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn headlines_shown(app: &App) -> Vec<String> {
    app.list
        .visible(100)
        .map(|(_, h)| h.headline.clone())
        .collect()
}

mod marks;
mod panes;
mod prompt;
mod reading;
mod search;
