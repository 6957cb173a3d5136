//! The reader's work on the web, driven through `update` with no terminal
//! and no network: what the app asks its runtime for, and what it does
//! with what comes back.

use chrono::TimeZone;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::action::WebEvent;
use crate::article::{Article, Block, ListItem};

fn clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 10, 14, 0, 0, 0)
        .single()
        .expect("valid")
}

fn press(app: &mut App, code: KeyCode) {
    let action = app
        .keymap
        .action_for(KeyEvent::new(code, KeyModifiers::NONE), app.key_context())
        .unwrap_or_else(|| panic!("{code:?} is bound"));
    app.update(action);
}

fn page(headline: &str, url: &str) -> Article {
    let published = chrono::FixedOffset::east_opt(9 * 3600)
        .and_then(|jst| jst.with_ymd_and_hms(2024, 10, 13, 17, 41, 0).single());
    let mut article = Article::new(headline.into(), published);
    article.url = Some(url.into());
    article.byline = Some("By Aiko Tanabe / Yomiuri Shimbun Staff Writer".into());
    article.section = Some("Politics".into());
    article.body = vec![Block::paragraph("Text of the page.")];
    article
}

const OTHER: &str = "https://japannews.yomiuri.co.jp/politics/20241012-1/";

/// A reader on one page whose Popular list names a page not stored.
fn app_with_a_list() -> App {
    let mut store = Store::open_in_memory().expect("store");
    let mut rail = page(
        "Rail Subsidies Weighed",
        "https://japannews.yomiuri.co.jp/politics/20241013-2/",
    );
    rail.popular = vec![ListItem {
        title: "Diet Panel Questions Ministry".into(),
        url: Some(OTHER.into()),
    }];
    store.import([&rail]).expect("import");
    App::new(store, Rect::new(0, 0, 160, 48), clock).expect("app")
}

/// Opens the article and moves to its sidebar's first item.
fn to_the_sidebar(app: &mut App) {
    press(app, KeyCode::Enter);
    press(app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Sidebar);
    assert!(
        app.sidebar
            .selected_entry()
            .is_some_and(|e| e.article.is_none())
    );
}

#[test]
fn enter_on_an_item_not_stored_fetches_it_then_opens_it() {
    let mut app = app_with_a_list();
    to_the_sidebar(&mut app);
    press(&mut app, KeyCode::Enter);
    let effects = app.take_effects();
    let [Effect::Fetch { id, url }] = effects.as_slice() else {
        panic!("one fetch asked for: {effects:?}");
    };
    assert_eq!(url, OTHER);
    assert_eq!(
        app.web.fetching.as_ref().map(|f| f.title.as_str()),
        Some("Diet Panel Questions Ministry")
    );
    let fetched = page("Diet Panel Questions Ministry", OTHER);
    app.update(Action::Web(WebEvent::Fetched(*id, Ok(Box::new(fetched)))));
    assert_eq!(
        app.reading.as_ref().map(|r| r.article.headline.as_str()),
        Some("Diet Panel Questions Ministry")
    );
    assert_eq!(app.total, 2, "the page is in the store now");
    assert_eq!(app.web.fetching, None);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(
        app.reading.as_ref().map(|r| r.article.headline.as_str()),
        Some("Rail Subsidies Weighed"),
        "back to where the item was followed from"
    );
}

#[test]
fn esc_cancels_a_fetch_and_what_comes_later_is_dropped() {
    let mut app = app_with_a_list();
    to_the_sidebar(&mut app);
    press(&mut app, KeyCode::Enter);
    let Some(Effect::Fetch { id, .. }) = app.take_effects().pop() else {
        panic!("a fetch");
    };
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.web.fetching, None);
    assert_eq!(app.notice.as_deref(), Some("Fetch cancelled"));
    assert_eq!(app.focus, Pane::Sidebar, "Esc only cancelled");
    let fetched = page("Diet Panel Questions Ministry", OTHER);
    app.update(Action::Web(WebEvent::Fetched(id, Ok(Box::new(fetched)))));
    assert_eq!(app.total, 1);
    assert_eq!(
        app.reading.as_ref().map(|r| r.article.headline.as_str()),
        Some("Rail Subsidies Weighed")
    );
}

#[test]
fn a_failed_fetch_says_why_on_the_status_line() {
    let mut app = app_with_a_list();
    to_the_sidebar(&mut app);
    press(&mut app, KeyCode::Enter);
    let Some(Effect::Fetch { id, url }) = app.take_effects().pop() else {
        panic!("a fetch");
    };
    let why = format!("{url}: 404 Not Found");
    app.update(Action::Web(WebEvent::Fetched(id, Err(why.clone()))));
    assert_eq!(app.notice, Some(why));
    assert_eq!(app.web.fetching, None);
}

#[test]
fn r_asks_for_one_refresh_at_a_time_and_shows_its_progress() {
    let mut app = app_with_a_list();
    press(&mut app, KeyCode::Char('R'));
    assert!(app.take_effects().is_empty());
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.starts_with("Feeds need a store"))
    );

    let mut app = app_with_a_list().with_refresh(true);
    press(&mut app, KeyCode::Char('R'));
    assert_eq!(app.take_effects(), [Effect::Refresh]);
    press(&mut app, KeyCode::Char('R'));
    assert!(app.take_effects().is_empty(), "one refresh at a time");
    app.update(Action::Web(WebEvent::Progress(3, 40)));
    assert_eq!(app.web.refreshing, Some((3, 40)));
    app.update(Action::Web(WebEvent::Refreshed(
        "2 feeds, 38 new articles".into(),
        false,
    )));
    assert_eq!(app.web.refreshing, None);
    assert_eq!(app.notice.as_deref(), Some("2 feeds, 38 new articles"));
}

#[test]
fn articles_a_refresh_brings_appear_without_moving_the_selection() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("kiji.db");
    let mut writer = Store::open(&path).expect("store");
    let older = page("Older Story", "https://a.example/older");
    let mut newer = page("Newer Story", "https://a.example/newer");
    newer.published = newer.published.map(|t| t + chrono::Duration::hours(1));
    writer.import([&older, &newer]).expect("import");
    let mut app = App::new(
        Store::open(&path).expect("store"),
        Rect::new(0, 0, 160, 48),
        clock,
    )
    .expect("app")
    .with_refresh(true);
    press(&mut app, KeyCode::Down);
    assert_eq!(
        app.list.selected_headline().map(|h| h.headline.as_str()),
        Some("Older Story")
    );
    press(&mut app, KeyCode::Char('R'));
    let mut newest = page("Newest Story", "https://a.example/newest");
    newest.published = newest.published.map(|t| t + chrono::Duration::hours(2));
    writer
        .import([&newest])
        .expect("the refresh lands an article");
    app.update(Action::Web(WebEvent::Progress(1, 2)));
    assert_eq!(app.total, 3);
    assert_eq!(
        app.list.selected_headline().map(|h| h.headline.as_str()),
        Some("Older Story")
    );
}

#[test]
fn o_opens_the_articles_address_and_the_reading_pane_shows_its_host() {
    let mut app = app_with_a_list();
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(
        app.take_effects(),
        [Effect::OpenInBrowser(
            "https://japannews.yomiuri.co.jp/politics/20241013-2/".into()
        )]
    );
    assert_eq!(
        app.notice.as_deref(),
        Some("Opening japannews.yomiuri.co.jp in the browser")
    );
    press(&mut app, KeyCode::Enter);
    let lines = &app.reading.as_ref().expect("reading").lines;
    let meta: Vec<&str> = lines
        .iter()
        .filter(|l| l.kind == LineKind::Meta)
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(
        meta,
        [
            "Politics · 15 hours ago",
            "By Aiko Tanabe / Yomiuri Shimbun Staff Writer",
            "japannews.yomiuri.co.jp"
        ]
    );

    let mut samples = Store::open_in_memory().expect("store");
    samples.import(&crate::load::samples()).expect("samples");
    let mut app = App::new(samples, Rect::new(0, 0, 160, 48), clock).expect("app");
    press(&mut app, KeyCode::Char('o'));
    assert!(app.take_effects().is_empty());
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.starts_with("No web address"))
    );
}
