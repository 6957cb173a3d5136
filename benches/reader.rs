//! The reader at scale: opening a store and drawing the first frame, each
//! kind of keystroke to its frame, a frame at any list length, scrolling a
//! long article, and a search keystroke.
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
    // as the reader runs: reads may be cut short by a newer key (none comes)
    store
        .cancel_reads_when(std::sync::Arc::default())
        .expect("handler");
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
    let kinds: [(&str, &[Action]); 6] = [
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
        ("search keystroke", &[]),
    ];
    for (name, actions) in kinds {
        let mut app = open(100_000);
        let mut terminal = terminal();
        let mut singles = Vec::new();
        let mut idle_counts = Vec::new();
        group.bench_function(name, |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    if actions.is_empty() {
                        total +=
                            search_round(&mut app, &mut terminal, &mut singles, &mut idle_counts);
                        continue;
                    }
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
        report(name, &mut singles);
        report(
            "search count finished when idle (not in the keystroke figures)",
            &mut idle_counts,
        );
    }
    group.finish();
}

/// Types a search a key at a time, each key to its frame, then clears it.
/// A count the reader finishes when idle is timed apart, into `idle_counts`.
fn search_round(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    singles: &mut Vec<Duration>,
    idle_counts: &mut Vec<Duration>,
) -> Duration {
    let mut total = Duration::ZERO;
    app.update(Action::Search);
    for action in "tokyo rail"
        .chars()
        .map(Action::Input)
        .chain(std::iter::repeat_n(Action::DeleteBack, 4))
    {
        let start = Instant::now();
        app.update(action);
        draw(terminal, app);
        let elapsed = start.elapsed();
        singles.push(elapsed);
        total += elapsed;
        // what the reader does next when no key follows at once: count the
        // body matches and draw the count
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

fn report(name: &str, singles: &mut [Duration]) {
    if singles.is_empty() {
        return;
    }
    singles.sort();
    let at = |p: f64| singles[((singles.len() - 1) as f64 * p) as usize].as_secs_f64() * 1000.0;
    println!(
        "{name}: {} keystrokes, median {:.3} ms, p99 {:.3} ms, max {:.3} ms",
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
    frame,
    keystrokes,
    long_article
);
criterion_main!(benches);
