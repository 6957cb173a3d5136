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
fn p_hides_the_docked_sidebar_or_floats_it_on_narrow_terminals() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Char('p'));
    assert!(app.areas().sidebar.is_empty());
    press(&mut app, KeyCode::Char('p'));
    assert!(!app.areas().sidebar.is_empty());

    let mut app = sample_app(80, 24);
    assert!(app.areas().sidebar.is_empty());
    press(&mut app, KeyCode::Char('p'));
    assert!(app.areas().sidebar_floats);
    assert_eq!(app.focus, Pane::Sidebar);
    press(&mut app, KeyCode::Esc);
    assert!(app.areas().sidebar.is_empty());
    assert_eq!(app.focus, Pane::List);
}

#[test]
fn the_article_selection_and_filter_survive_a_resize() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Down);
    let headline = app.reading.as_ref().map(|r| r.article.headline.clone());
    let width = app.reading.as_ref().map(|r| r.width);
    for (w, h) in [(60, 20), (30, 8), (20, 5), (0, 0), (100, 30), (160, 48)] {
        app.update(Action::Resize(w, h));
        assert_eq!(
            app.reading.as_ref().map(|r| r.article.headline.clone()),
            headline
        );
        assert_eq!(app.filter_name(), "Business");
        assert_eq!(app.list.selected, 1);
    }
    assert_eq!(app.reading.as_ref().map(|r| r.width), width);
    app.update(Action::Resize(60, 20));
    assert_ne!(
        app.reading.as_ref().map(|r| r.width),
        width,
        "wrapped again"
    );
}

#[test]
fn narrow_terminals_show_the_article_full_width_and_escape_returns_to_the_list() {
    let mut app = sample_app(50, 16);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.areas().panes(), [Pane::Reader]);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.areas().panes(), [Pane::List]);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Reader, "Tab goes back to the open article");
}

#[test]
fn mouse_clicks_select_focus_and_filter_and_the_wheel_scrolls() {
    let mut app = sample_app(120, 16);
    let list = crate::layout::inner(app.areas().list);
    app.update(Action::Click(list.x + 5, list.y + 3));
    assert_eq!(app.list.selected, 3);
    assert!(app.reading.is_none());
    app.update(Action::Click(list.x + 5, list.y + 3));
    assert_eq!(
        app.reading.as_ref().map(|r| r.article.headline.clone()),
        Some(selected_headline(&app))
    );

    let reader = app.areas().reader;
    app.update(Action::Wheel(reader.x + 3, reader.y + 3, false));
    assert_eq!(app.reading.as_ref().map(|r| r.scroll), Some(3));
    app.update(Action::Wheel(list.x + 3, list.y + 3, false));
    assert_eq!(app.list.selected, 6);

    let widths = app.tab_widths();
    let (_, strip) = layout::tab_bar(app.areas().tabs);
    let tabs = layout::tab_strip(&widths, app.tab_index(), strip).tabs;
    let (_, x, _) = tabs[3];
    app.update(Action::Click(x + 1, 0));
    assert_eq!(app.filter_name(), "Culture");

    let sidebar = app.areas().sidebar;
    app.update(Action::Click(sidebar.x + 2, sidebar.y + 3));
    assert_eq!(app.focus, Pane::Sidebar);
    assert_eq!(app.sidebar.selected, 1);
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

#[test]
fn slash_searches_as_you_type_and_enter_keeps_the_results() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.key_context(), Context::Prompt);
    type_text(&mut app, "ye");
    assert_eq!(app.prompt.as_deref(), Some("ye"));
    // two letters are taken as a whole word until the third is typed
    assert_eq!(app.list.count, 0);
    press(&mut app, KeyCode::Char('n'));
    // a headline hit ranks above a body-only one
    assert_eq!(
        headlines_shown(&app),
        [
            "Yen Slides to New Low Against Dollar as Interest Rate Gap Persists",
            "Regional Banks Merge Back Offices in Bid to Cut Costs"
        ]
    );
    assert_eq!(
        crate::ui::describe_status(&app),
        "search \"yen\" · 2 matches"
    );
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.prompt.as_deref(), Some("ye"));
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.prompt, None);
    assert_eq!(app.key_context(), Context::Main);
    assert_eq!(app.list.count, 2);
    assert_eq!(app.focus, Pane::List);
}

#[test]
fn escape_in_the_prompt_restores_the_list_and_selection() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    let before = selected_headline(&app);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "snow");
    assert_eq!(app.list.count, 1);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.prompt, None);
    assert_eq!(app.list.count, 27);
    assert_eq!(selected_headline(&app), before);

    // after Enter, Esc in the list clears the kept search the same way
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "snow");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.list.count, 27);
    assert_eq!(selected_headline(&app), before);
}

#[test]
fn search_combines_with_the_section_filter() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "tokyo");
    press(&mut app, KeyCode::Enter);
    let everywhere = app.list.count;
    press(&mut app, KeyCode::Char('s'));
    for _ in 0..6 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.filter_name(), "Society");
    assert!(app.list.count < everywhere && app.list.count > 0);
    assert!(app.list.filter.query.is_some());
}

#[test]
fn a_burst_of_keys_searches_for_the_last_one() {
    let mut app = sample_app(160, 48);
    let keys = "/snow"
        .chars()
        .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    app.update_with(keys, |keymap, context, key| keymap.action_for(key, context));
    assert_eq!(app.prompt.as_deref(), Some("snow"));
    assert_eq!(
        headlines_shown(&app),
        ["Schools in Hokkaido Close as Heavy Snow Blankets Region"]
    );
}

#[test]
fn deleting_back_shows_the_earlier_search_with_what_an_import_added() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("kiji.db");
    let mut store = Store::open(&path).expect("store");
    store.import(&crate::load::samples()).expect("samples");
    let mut app = App::new(store, Rect::new(0, 0, 160, 48), clock).expect("app");
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "snow");
    let snow = headlines_shown(&app);
    assert_eq!(snow.len(), 1);
    type_text(&mut app, "x");
    assert_eq!(app.list.count, 0);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(headlines_shown(&app), snow);
    assert_eq!(
        crate::ui::describe_status(&app),
        "search \"snow\" · 1 match"
    );

    // another kiji imports a snow story while "snowx" is typed: deleting
    // back searches again instead of showing the list from before
    type_text(&mut app, "x");
    let text = "Snow Closes Mountain Roads\n10:00 JST, April 14, 2024\nRoads closed.\n";
    let new_story = crate::parse::parse_str(text).expect("parses").article;
    Store::open(&path)
        .expect("second connection")
        .import([&new_story])
        .expect("import");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.list.count, 2);
    assert!(headlines_shown(&app).contains(&"Snow Closes Mountain Roads".to_owned()));
}

#[test]
fn a_search_cut_short_by_a_newer_key_runs_again_for_it() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let mut store = Store::open_in_memory().expect("store");
    store.import(&crate::load::samples()).expect("samples");
    // enough matches that ranking them takes a while
    let reports: Vec<_> = (0..400)
        .map(|i| {
            let text = format!("Snow Report {i}\n9:00 JST, January 9, 2024\nMore snow.\n");
            crate::parse::parse_str(&text).expect("parses").article
        })
        .collect();
    store.import(&reports).expect("reports");
    let key_waiting = Arc::new(AtomicBool::new(false));
    store
        .cancel_reads_when(Arc::clone(&key_waiting))
        .expect("handler");
    let mut app = App::new(store, Rect::new(0, 0, 160, 48), clock).expect("app");
    press(&mut app, KeyCode::Char('/'));
    key_waiting.store(true, Ordering::Relaxed);
    type_text(&mut app, "snow");
    // the prompt took the keys at once; the search gave way, quietly
    assert_eq!(app.prompt.as_deref(), Some("snow"));
    assert_eq!(app.notice, None);
    let searched = app.list.filter.query.as_ref().map(|q| q.text.clone());
    assert_ne!(searched.as_deref(), Some("snow"));
    // the newer key has been taken: the search runs for what is typed
    key_waiting.store(false, Ordering::Relaxed);
    app.update(Action::Resize(160, 48));
    assert_eq!(app.list.count, 401);
    assert!(headlines_shown(&app).iter().all(|h| h.contains("Snow")));
    // outside the prompt nothing is cut short
    press(&mut app, KeyCode::Enter);
    key_waiting.store(true, Ordering::Relaxed);
    press(&mut app, KeyCode::Enter);
    assert!(app.reading.is_some());
}

#[test]
fn matches_are_highlighted_and_n_steps_through_them() {
    let mut app = sample_app(60, 12);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "yen");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let reading = app.reading.as_ref().expect("open");
    let hits: Vec<usize> = reading
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.matches.is_empty())
        .map(|(i, _)| i)
        .collect();
    assert!(hits.len() >= 2, "{hits:?}");
    let first = &reading.lines[hits[0]];
    assert_eq!(&first.text[first.matches[0].clone()], "Yen");
    let last = *hits.last().expect("hits");
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('n'));
    let scroll = app.reading.as_ref().map_or(0, |r| r.scroll);
    assert!(scroll > 0 && scroll <= last, "{scroll} vs {last}");
    press_with(&mut app, KeyCode::Char('N'), KeyModifiers::SHIFT);
    assert!(app.reading.as_ref().map_or(0, |r| r.scroll) < scroll);
}

#[test]
fn m_toggles_read_and_the_counts_follow() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Char('m'));
    assert!(app.list.selected_headline().expect("row").read);
    assert_eq!(app.unread, 26);
    assert_eq!(app.list_unread, Some(26));
    press(&mut app, KeyCode::Char('m'));
    assert!(!app.list.selected_headline().expect("row").read);
    assert_eq!(app.unread, 27);
}

#[test]
fn shift_m_asks_first_then_marks_the_view_read() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']')); // Business
    press_with(&mut app, KeyCode::Char('M'), KeyModifiers::SHIFT);
    assert_eq!(app.popup, Some(Popup::ConfirmMarkRead { count: 4 }));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.popup, None);
    assert_eq!(app.list_unread, Some(4));
    press_with(&mut app, KeyCode::Char('M'), KeyModifiers::SHIFT);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.list_unread, Some(0));
    assert_eq!(app.unread, 23);
    assert!(app.list.visible(10).all(|(_, h)| h.read));
    let business = app
        .sections
        .iter()
        .find(|s| s.name == "Business")
        .expect("section");
    assert_eq!(business.unread, 0);
}

#[test]
fn u_shows_only_unread_and_dot_opens_the_next_unread() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Enter); // reads the first
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('u'));
    assert!(app.list.filter.unread_only);
    assert_eq!(app.list.count, 26);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.list.count, 27);

    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Char('.'));
    assert_eq!(
        app.list.selected, 1,
        "the first is read: the second is next"
    );
    assert_eq!(
        app.reading.as_ref().map(|r| r.article.headline.clone()),
        Some(selected_headline(&app))
    );
}

#[test]
fn b_saves_and_the_saved_tab_lists_saved_articles() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('b'));
    let saved = selected_headline(&app);
    assert_eq!(app.saved, 1);
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.filter_name(), "Saved");
    assert_eq!(headlines_shown(&app), [saved]);
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(app.saved, 0);
    assert_eq!(app.list.count, 0);
}

#[test]
fn reading_state_survives_a_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("kiji.db");
    let mut store = Store::open(&path).expect("store");
    store.import(&crate::load::samples()).expect("samples");
    let mut app = App::new(store, Rect::new(0, 0, 160, 48), clock).expect("app");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('b'));
    drop(app);
    let app = App::new(
        Store::open(&path).expect("reopen"),
        Rect::new(0, 0, 160, 48),
        clock,
    )
    .expect("app");
    assert_eq!((app.unread, app.saved), (26, 1));
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

mod reading;
mod search;

#[test]
fn a_read_only_store_is_read_with_marks_kept_for_the_session_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("kiji.db");
    {
        let mut store = Store::open(&path).expect("store");
        store.import(&crate::load::samples()).expect("samples");
    }
    let before = std::fs::read(&path).expect("bytes");
    {
        let store = Store::open_read_only(&path).expect("read-only");
        let mut app = App::new(store, Rect::new(0, 0, 160, 48), clock).expect("app");
        press(&mut app, KeyCode::Enter);
        assert!(app.reading.is_some(), "articles open");
        assert!(
            app.list.selected_headline().is_some_and(|h| h.read),
            "marked, for now"
        );
        assert_eq!(app.unread, 26);
        press(&mut app, KeyCode::Char('m'));
        assert!(
            app.notice
                .as_deref()
                .is_some_and(|n| n.contains("the store is read-only: marks last until kiji quits")),
            "{:?}",
            app.notice
        );
        press(&mut app, KeyCode::Char('b'));
        assert_eq!(
            app.notice.as_deref(),
            Some("The store is read-only: nothing can be saved")
        );
    }
    assert_eq!(
        std::fs::read(&path).expect("bytes"),
        before,
        "never written"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("e").file_name())
        .collect();
    assert_eq!(names, ["kiji.db"], "nothing made beside it");
}
