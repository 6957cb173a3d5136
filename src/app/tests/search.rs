//! A search whose matches are many: the keystroke's frame shows the
//! headline matches (ranked among the newest when they too are many), and
//! the rest comes when no key is waiting.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::article::Article;

/// `in_headline` articles with "rail" in the headline, `in_body` with it in
/// the body only.
fn rail_app(in_headline: usize, in_body: usize) -> App {
    let mut store = Store::open_in_memory().expect("store");
    let articles: Vec<Article> = (0..in_headline + in_body)
        .map(|i| {
            let headline = if i < in_headline {
                "Rail Fares"
            } else {
                "Budget Talks"
            };
            let mut article = Article::new(format!("{headline} {i:04}"), None);
            article
                .body
                .push("Officials said rail lines would run.".into());
            article
        })
        .collect();
    store.import(&articles).expect("import");
    App::new(store, Rect::new(0, 0, 160, 48), clock).expect("app")
}

fn text_on_screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    terminal
        .draw(|frame| crate::ui::render(app, frame))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

#[test]
fn headline_matches_come_at_once_and_body_matches_when_no_key_waits() {
    let mut app = rail_app(3, 1200);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "rail");
    assert_eq!(
        headlines_shown(&app),
        ["Rail Fares 0002", "Rail Fares 0001", "Rail Fares 0000"]
    );
    assert_eq!(
        crate::ui::describe_status(&app),
        "search \"rail\" · 3 in headlines, searching the text…"
    );
    assert!(app.has_idle_work());

    app.update(Action::Idle);
    assert!(!app.has_idle_work());
    assert_eq!(
        crate::ui::describe_status(&app),
        "search \"rail\" · 1000+ matches"
    );
    let shown = headlines_shown(&app);
    assert!(shown.len() > 3, "the screen fills: {shown:?}");
    assert!(shown[..3].iter().all(|h| h.starts_with("Rail")));
    assert!(shown[3..].iter().all(|h| h.starts_with("Budget")));

    // Enter counts them all, again when no key waits
    press(&mut app, KeyCode::Enter);
    app.update(Action::Idle);
    assert_eq!(app.list.count, 1203);
}

#[test]
fn no_headline_match_says_the_text_is_being_searched_not_that_nothing_matched() {
    let mut app = rail_app(0, 1200);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "rail");
    let screen = text_on_screen(&app);
    assert!(screen.contains("searching the text"), "{screen}");
    assert!(!screen.contains("No matches"), "{screen}");
    app.update(Action::Idle);
    assert!(
        headlines_shown(&app)
            .iter()
            .all(|h| h.starts_with("Budget"))
    );
    assert!(!text_on_screen(&app).contains("searching the text"));
}

#[test]
fn a_key_before_the_body_matches_are_in_searches_for_it_instead() {
    let mut app = rail_app(3, 1200);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "rail");
    type_text(&mut app, "s");
    // "rails" matches nothing: nothing is left to rank for "rail"
    assert_eq!(app.list.count, 0);
    assert!(!app.has_idle_work());
    let screen = text_on_screen(&app);
    assert!(screen.contains("No matches"), "{screen}");
}

#[test]
fn many_headline_matches_are_ranked_among_the_newest_then_in_full_when_no_key_waits() {
    // the best match, the shortest headline, imported before 1,200 others
    let mut store = Store::open_in_memory().expect("store");
    let mut articles = vec![Article::new("Rail".into(), None)];
    articles
        .extend((1..=1200).map(|i| Article::new(format!("Rail fares rise on line {i:04}"), None)));
    for article in &mut articles {
        article.body.push("Body.".into());
    }
    store.import(&articles).expect("import");
    let mut app = App::new(store, Rect::new(0, 0, 160, 48), clock).expect("app");
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "rail");
    assert!(app.has_idle_work());
    assert_ne!(
        headlines_shown(&app)[0],
        "Rail",
        "only the newest are ranked"
    );
    assert_eq!(
        crate::ui::describe_status(&app),
        "search \"rail\" · 1000+ matches"
    );

    app.update(Action::Idle);
    assert!(!app.has_idle_work());
    assert_eq!(headlines_shown(&app)[0], "Rail", "ranked in full");
}
