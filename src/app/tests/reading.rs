//! The sidebar of the page being read, and the keys a reader of newsboat,
//! mutt or less expects.

use super::*;
use crate::article::{Article, ListItem};
use crate::store::ArticleKey;

/// An article of `section` published on `day` of March 2024 whose page
/// listed `popular`.
fn page(headline: &str, section: &str, day: u32, popular: &[&str]) -> Article {
    let published = crate::parse::parse_dateline(&format!("9:00 JST, March {day}, 2024"));
    let mut article = Article::new(headline.into(), published);
    article.section = Some(section.into());
    article.body.push(format!("{headline} in full.").into());
    article.popular = popular.iter().map(|t| ListItem::from(*t)).collect();
    article.access_ranking = vec![format!("Ranked on {headline}").into()];
    article
}

fn app_of(articles: &[Article], width: u16, height: u16) -> App {
    let mut store = Store::open_in_memory().expect("store");
    store.import(articles).expect("import");
    App::new(store, Rect::new(0, 0, width, height), clock).expect("app")
}

fn titles(list: &crate::app::SidebarList) -> Vec<&str> {
    list.entries.iter().map(|e| e.title.as_str()).collect()
}

fn open_headline(app: &mut App, headline: &str) {
    press(app, KeyCode::Home);
    while selected_headline(app) != headline {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter);
}

#[test]
fn the_sidebar_shows_the_open_pages_own_lists_whatever_is_newer() {
    let older = page("Older Story", "Politics", 1, &["Old One", "Old Two"]);
    let newer = page("Newer Story", "Politics", 5, &["New One"]);
    let mut app = app_of(&[older, newer], 160, 40);
    // nothing open: the newest lists of the section, titled as such
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.filter_name(), "Politics");
    assert_eq!(
        app.sidebar.popular.title,
        "Popular · Politics · newest, Mar 05"
    );
    assert_eq!(titles(&app.sidebar.popular), ["New One"]);
    // the older page open: its own lists, though newer ones are stored
    open_headline(&mut app, "Older Story");
    assert_eq!(app.sidebar.popular.title, "Popular · Politics");
    assert_eq!(titles(&app.sidebar.popular), ["Old One", "Old Two"]);
    assert_eq!(titles(&app.sidebar.ranking), ["Ranked on Older Story"]);
    // and it follows the article whichever pane has the focus
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Sidebar);
    assert_eq!(titles(&app.sidebar.popular), ["Old One", "Old Two"]);
}

#[test]
fn a_page_without_lists_says_so_and_shows_the_newest_titled_as_such() {
    let listed = page("Listed Story", "Sports", 2, &["Item"]);
    let mut bare = page("Bare Story", "Sports", 9, &[]);
    bare.access_ranking.clear();
    let mut app = app_of(&[listed, bare], 160, 40);
    open_headline(&mut app, "Bare Story");
    assert_eq!(app.sidebar.note.as_deref(), Some("This page had no lists"));
    assert_eq!(
        app.sidebar.popular.title,
        "Popular · Sports · newest, Mar 02"
    );
    assert_eq!(titles(&app.sidebar.popular), ["Item"]);
    assert!(app.sidebar.ranking.title.contains("newest"));
}

#[test]
fn an_import_beside_the_reader_leaves_the_page_lists_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("kiji.db");
    let mut store = Store::open(&path).expect("store");
    store
        .import(&[page("Read Story", "World", 3, &["Mine"])])
        .expect("import");
    let mut app = App::new(store, Rect::new(0, 0, 160, 40), clock).expect("app");
    press(&mut app, KeyCode::Enter);
    let mut other = Store::open(&path).expect("a second connection");
    other
        .import(&[page("Newer World Story", "World", 20, &["Theirs"])])
        .expect("import");
    app.update(Action::Imported(0));
    assert_eq!(titles(&app.sidebar.popular), ["Mine"]);
    assert_eq!(app.notice.as_deref(), Some("1 new article"));
}

#[test]
fn backspace_goes_back_along_the_sidebar_items_followed() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let start = app.reading.as_ref().map(|r| r.key).expect("open");
    let mut visited: Vec<ArticleKey> = vec![start];
    for _ in 0..2 {
        press(&mut app, KeyCode::Tab);
        let linked = (0..app.sidebar.len())
            .find(|&i| {
                app.sidebar.select(i);
                app.sidebar
                    .selected_article()
                    .is_some_and(|key| !visited.contains(&key))
            })
            .expect("a link to follow");
        app.sidebar.select(linked);
        press(&mut app, KeyCode::Enter);
        visited.push(app.reading.as_ref().map(|r| r.key).expect("open"));
    }
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.reading.as_ref().map(|r| r.key), Some(visited[1]));
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.reading.as_ref().map(|r| r.key), Some(start));
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.notice.as_deref(), Some("No article to go back to"));
}

#[test]
fn shift_j_and_k_and_ctrl_n_and_p_open_the_next_and_previous_article() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Enter);
    press_with(&mut app, KeyCode::Char('J'), KeyModifiers::SHIFT);
    assert_eq!(app.list.selected, 1);
    assert_eq!(
        app.reading.as_ref().map(|r| r.article.headline.clone()),
        Some(selected_headline(&app))
    );
    press_with(&mut app, KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(app.list.selected, 2);
    press_with(&mut app, KeyCode::Char('K'), KeyModifiers::SHIFT);
    press_with(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(app.list.selected, 0);
    press_with(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(
        app.notice.as_deref(),
        Some("This is the first article here")
    );
}

#[test]
fn ctrl_d_and_ctrl_u_move_half_a_page() {
    let mut app = sample_app(160, 22);
    let page = app.list_items() - 1;
    press_with(&mut app, KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(app.list.selected, page.div_ceil(2));
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(app.list.selected, 0);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.list.selected, page);
}

#[test]
fn dot_goes_on_to_the_next_section_with_unread_articles_and_says_so() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.filter_name(), "Business");
    press(&mut app, KeyCode::Char('M'));
    press(&mut app, KeyCode::Char('y'));
    press(&mut app, KeyCode::Char('.'));
    assert_eq!(app.filter_name(), "Culture");
    assert_eq!(
        app.notice.as_deref(),
        Some("Nothing unread in Business: on to Culture")
    );
    let reading = app.reading.as_ref().expect("an article open");
    assert_eq!(reading.article.section.as_deref(), Some("Culture"));
}

#[test]
fn slash_opens_an_empty_prompt_and_up_recalls_earlier_searches() {
    let mut app = sample_app(160, 48);
    for query in ["yen", "snow"] {
        press(&mut app, KeyCode::Char('/'));
        assert_eq!(app.prompt.as_deref(), Some(""));
        type_text(&mut app, query);
        press(&mut app, KeyCode::Enter);
    }
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.prompt.as_deref(), Some(""));
    press(&mut app, KeyCode::Up);
    assert_eq!(app.prompt.as_deref(), Some("snow"));
    press(&mut app, KeyCode::Up);
    assert_eq!(app.prompt.as_deref(), Some("yen"));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.prompt.as_deref(), Some("snow"));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.prompt.as_deref(), Some(""));
    // with something typed, the arrows move the results instead
    type_text(&mut app, "yen");
    press(&mut app, KeyCode::Down);
    assert_eq!((app.prompt.as_deref(), app.list.selected), (Some("yen"), 1));
}

#[test]
fn search_results_carry_why_they_matched() {
    let mut app = sample_app(160, 48);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "billions");
    let key = app.list.selected_headline().expect("a match").key;
    let snippet = app.list.snippet(key).expect("a snippet");
    assert!(snippet.contains("billions of yen"), "{snippet}");
    assert_eq!(app.list_row_height(), 2);
}

#[test]
fn the_split_between_list_and_article_moves_and_stays_in_bounds() {
    let mut app = sample_app(160, 48);
    let before = app.areas().list.width;
    press(&mut app, KeyCode::Char('>'));
    assert!(app.areas().list.width > before);
    for _ in 0..30 {
        press(&mut app, KeyCode::Char('<'));
    }
    assert_eq!(app.list_share, *crate::layout::LIST_SHARES.start());
    assert!(app.areas().reader.width >= 30);
}

#[test]
fn marks_that_will_not_be_kept_say_so_once() {
    let mut app = sample_app(160, 48).with_marks_kept(false);
    press(&mut app, KeyCode::Char('b'));
    let first = app.notice.clone().expect("a notice");
    assert!(first.starts_with("Saved · marks are not kept"), "{first}");
    assert!(first.contains("kiji import"), "{first}");
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.notice.as_deref(), Some("Marked read"));
}
