//! The reader at scale: opening a store and drawing the first frame, each
//! kind of keystroke to its frame, a frame at any list length, scrolling a
//! long article, the first search after opening, and search keystrokes.
//!
//! Stores are built once under target/bench-stores (a 100,000-article one
//! takes about 15 s); set KIJI_BENCH_1M=1 to include a million articles.

#[allow(dead_code)]
#[path = "../tests/support/corpus.rs"]
mod corpus;

#[path = "../tests/support/stores.rs"]
mod stores;

use std::time::{Duration, Instant};

use chrono::Utc;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kiji::action::Action;
use kiji::app::App;
use kiji::article::Article;
use kiji::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use stores::store_path;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 50;

fn open(count: usize) -> App {
    let mut store = Store::open(&store_path(count)).expect("store");
    // as the reader runs: reads may be cut short by a newer key (none
    // comes), and pages read are held
    store
        .cancel_reads_when(std::sync::Arc::default())
        .expect("handler");
    store.hold_pages().expect("cache");
    App::new(store, Rect::new(0, 0, WIDTH, HEIGHT), Utc::now).expect("app")
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal")
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| kiji::ui::render(app, frame))
        .expect("draws");
}

fn sizes() -> Vec<usize> {
    let mut sizes = vec![100, 10_000, 100_000];
    if std::env::var_os("KIJI_BENCH_1M").is_some() {
        sizes.push(1_000_000);
    }
    sizes
}

fn open_and_first_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("open and first frame");
    group.sample_size(30);
    for count in sizes() {
        store_path(count);
        group.bench_with_input(BenchmarkId::from_parameter(count), &count, |b, &count| {
            b.iter(|| {
                let app = open(count);
                draw(&mut terminal(), &app);
            });
        });
    }
    group.finish();
}

/// The first search after the store is opened: a fresh connection, so
/// nothing of the store is in SQLite's cache (the OS's file cache is warm),
/// and a word arriving as one burst of keys, to its frame.
fn first_search(c: &mut Criterion) {
    let mut group = c.benchmark_group("first search after open");
    group.sample_size(20);
    for count in sizes().into_iter().filter(|&count| count >= 100_000) {
        store_path(count);
        let mut ranked = Vec::new();
        group.bench_with_input(BenchmarkId::from_parameter(count), &count, |b, &count| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    let mut app = open(count);
                    let mut terminal = terminal();
                    draw(&mut terminal, &app);
                    let mut burst = vec![Action::Search];
                    burst.extend("tokyo".chars().map(Action::Input));
                    let start = Instant::now();
                    app.update_all(burst);
                    draw(&mut terminal, &app);
                    total += start.elapsed();
                    // the full ranking that replaces the preview when idle
                    let start = Instant::now();
                    while app.has_idle_work() {
                        app.update(Action::Idle);
                    }
                    draw(&mut terminal, &app);
                    ranked.push(start.elapsed());
                }
                total
            });
        });
        report(
            &format!("first search, ranked in full when idle, {count} (after the frame above)"),
            "searches",
            &mut ranked,
        );
    }
    group.finish();
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame 200x50");
    for count in sizes() {
        let mut app = open(count);
        app.update(Action::Open);
        let mut terminal = terminal();
        group.bench_with_input(BenchmarkId::from_parameter(count), &count, |b, _| {
            b.iter(|| draw(&mut terminal, &app));
        });
    }
    group.finish();
}

/// Each keystroke with its frame, at 100,000 articles; percentiles of the
/// single keystrokes are printed after criterion's figures.
fn keystrokes(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke to frame, 100000");
    group.sample_size(20);
    let kinds: [(&str, &[Action]); 5] = [
        ("move", &[Action::Down, Action::Up]),
        (
            "page",
            &[
                Action::PageDown,
                Action::PageDown,
                Action::PageUp,
                Action::PageUp,
            ],
        ),
        ("end and home", &[Action::Bottom, Action::Top]),
        (
            "switch section",
            &[Action::NextSection, Action::PreviousSection],
        ),
        ("open article", &[Action::Down, Action::Open, Action::Back]),
    ];
    for (name, actions) in kinds {
        let mut app = open(100_000);
        let mut terminal = terminal();
        let mut singles = Vec::new();
        group.bench_function(name, |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    for action in actions {
                        let start = Instant::now();
                        app.update(action.clone());
                        draw(&mut terminal, &app);
                        let elapsed = start.elapsed();
                        singles.push(elapsed);
                        total += elapsed;
                    }
                }
                total
            });
        });
        report(name, "keystrokes", &mut singles);
    }
    group.finish();
}

/// Each search keystroke with its frame, at 100,000 (and 1,000,000);
/// percentiles of the single keystrokes are printed after criterion's.
fn search_keystrokes(c: &mut Criterion) {
    let mut group = c.benchmark_group("search keystroke to frame");
    group.sample_size(10);
    for count in sizes().into_iter().filter(|&count| count >= 100_000) {
        let mut app = open(count);
        let mut terminal = terminal();
        let mut singles = Vec::new();
        let mut idle_work = Vec::new();
        group.bench_with_input(BenchmarkId::from_parameter(count), &count, |b, _| {
            b.iter_custom(|iterations| {
                (0..iterations)
                    .map(|_| search_round(&mut app, &mut terminal, &mut singles, &mut idle_work))
                    .sum()
            });
        });
        report(
            &format!("search keystroke, {count}"),
            "keystrokes",
            &mut singles,
        );
        report(
            &format!("search finished when idle, {count} (not in the keystroke figures)"),
            "keystrokes",
            &mut idle_work,
        );
    }
    group.finish();
}

/// What the search keystrokes type, each a key at a time and deleted again:
/// a word common in headlines, two words, a prefix typed on, and three
/// words common in bodies whose headline matches do not fill the screen.
const SEARCHES: [&str; 5] = [
    "tokyo rail",
    "minister",
    "said prices",
    "officials said prices",
    "yen budget cabinet",
];

/// Types the searches a key at a time, each key to its frame, then deletes
/// them. What the reader finishes when idle (ranking every headline match,
/// counting and ranking the body matches) is timed apart, into
/// `idle_counts`.
fn search_round(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    singles: &mut Vec<Duration>,
    idle_counts: &mut Vec<Duration>,
) -> Duration {
    let mut total = Duration::ZERO;
    app.update(Action::Search);
    let keys = SEARCHES.iter().flat_map(|text| {
        text.chars()
            .map(Action::Input)
            .chain(std::iter::repeat_n(Action::DeleteBack, text.len()))
    });
    for action in keys {
        let start = Instant::now();
        app.update(action);
        draw(terminal, app);
        let elapsed = start.elapsed();
        singles.push(elapsed);
        total += elapsed;
        // what the reader does next when no key follows at once: rank the
        // headline matches in full, count the body matches, and draw them
        if app.has_idle_work() {
            let start = Instant::now();
            app.update(Action::Idle);
            draw(terminal, app);
            idle_counts.push(start.elapsed());
        }
    }
    app.update(Action::Back);
    total
}

fn report(name: &str, noun: &str, singles: &mut [Duration]) {
    if singles.is_empty() {
        return;
    }
    singles.sort();
    let at = |p: f64| singles[((singles.len() - 1) as f64 * p) as usize].as_secs_f64() * 1000.0;
    println!(
        "{name}: {} {noun}, median {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        singles.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
}

fn long_article(c: &mut Criterion) {
    let mut article = Article::new("A Very Long Article".into(), None);
    article.body = (0..3000)
        .map(|i| format!("Paragraph {i} of a long article, long enough to wrap over a line or two of the reading pane at most widths.").into())
        .collect();
    let mut store = Store::open_in_memory().expect("store");
    store.import([&article]).expect("import");
    let mut app = App::new(store, Rect::new(0, 0, WIDTH, HEIGHT), Utc::now).expect("app");
    app.update(Action::Open);
    let mut terminal = terminal();
    c.bench_function(
        "scroll a 3000-paragraph article, a line and its frame",
        |b| {
            b.iter(|| {
                app.update(Action::Down);
                draw(&mut terminal, &app);
            });
        },
    );
}

criterion_group!(
    benches,
    open_and_first_frame,
    first_search,
    frame,
    keystrokes,
    search_keystrokes,
    long_article
);
criterion_main!(benches);
