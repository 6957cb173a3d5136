//! Reading the web: a Japan News page (about 60 KB of HTML) extracted into
//! an article, and `kiji refresh` of 100 feeds on 100 hosts (127.0.0.1 to
//! 127.0.0.100, each a server of the bench's own) with 2,000 new items
//! and their pages, then the same refresh again with nothing new (every
//! feed a 304).

#[allow(dead_code)]
#[path = "../tests/support/server.rs"]
mod server;

#[allow(dead_code)]
#[path = "../tests/support/site.rs"]
mod site;

#[allow(dead_code)]
#[path = "../tests/support/corpus.rs"]
mod corpus;

#[path = "../tests/support/stores.rs"]
mod stores;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kiji::fetch::{Fetcher, Settings};
use kiji::store::Store;
use server::{Route, Server};

const HOSTS: usize = 100;
const ITEMS: usize = 20;

fn extract(c: &mut Criterion) {
    let page = site::page(1, "https://japannews.yomiuri.co.jp");
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function(
        format!("a Japan News page, {} KB", page.len() / 1024),
        |b| {
            b.iter(|| kiji::html::parse_html(page.as_bytes(), None, None).expect("an article"));
        },
    );
    group.finish();
}

/// 100 hosts, each a section feed of 20 articles and their pages.
fn sites() -> (Vec<Server>, Vec<String>) {
    let mut servers = Vec::new();
    let mut feeds = Vec::new();
    for host in 1..=HOSTS {
        let server = Server::start_on(&format!("127.0.0.{host}"));
        let base = server.url("");
        let items = host * 1000..host * 1000 + ITEMS;
        for n in items.clone() {
            server.route(&site::article_path(n), Route::html(site::page(n, &base)));
        }
        let etag = format!("\"feed-{host}\"");
        server.route(
            "/politics/feed/",
            Route::typed(site::feed(items, &base), "application/rss+xml", Some(&etag)),
        );
        feeds.push(server.url("/politics/feed/"));
        servers.push(server);
    }
    (servers, feeds)
}

/// The fetch settings of the bench: the defaults, but a pause of 100 ms
/// between two requests to one host rather than 500.
fn settings() -> Settings {
    Settings {
        pause: Duration::from_millis(100),
        ..Settings::default()
    }
}

fn following(feeds: &[String]) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("kiji.db")).expect("store");
    for feed in feeds {
        store.follow(feed, None, None).expect("follow");
    }
    (dir, store)
}

fn refresh(store: &mut Store, fetcher: &Fetcher) -> kiji::web::Summary {
    kiji::web::refresh(
        store,
        fetcher,
        kiji::web::parsers(false),
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .expect("refresh")
}

fn refresh_bench(c: &mut Criterion) {
    let (_servers, feeds) = sites();
    let fetcher = Fetcher::new(settings());
    let mut group = c.benchmark_group("refresh");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function(
        "100 feeds on 100 hosts, 2000 new items and their pages",
        |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    let (_dir, mut store) = following(&feeds);
                    let start = Instant::now();
                    let summary = refresh(&mut store, &fetcher);
                    total += start.elapsed();
                    assert_eq!(summary.new_articles, HOSTS * ITEMS, "{summary}");
                }
                total
            });
        },
    );
    let (_dir, mut store) = following(&feeds);
    refresh(&mut store, &fetcher);
    group.bench_function("the same 100 feeds again, nothing new (all 304)", |b| {
        b.iter(|| {
            let summary = refresh(&mut store, &fetcher);
            assert_eq!(summary.new_articles, 0, "{summary}");
        });
    });
    group.finish();
}

/// Refreshes into the store at `path` until `stop`, each round's feeds
/// naming 2,000 pages not seen before; gives how many rounds ran.
fn refresh_without_end(
    servers: Vec<Server>,
    feeds: Vec<String>,
    path: std::path::PathBuf,
    stop: Arc<AtomicBool>,
) -> std::thread::JoinHandle<usize> {
    for server in &servers {
        let template = site::template(&server.url(""));
        server.fallback(move |path| {
            let n = path
                .trim_end_matches('/')
                .rsplit('-')
                .next()?
                .parse()
                .ok()?;
            Some(Route::html(site::of_template(&template, n)))
        });
    }
    std::thread::spawn(move || {
        let fetcher = Fetcher::new(settings());
        let mut store = Store::open(&path).expect("store");
        for feed in &feeds {
            store.follow(feed, None, None).expect("follow");
        }
        let mut rounds = 0;
        while !stop.load(Ordering::Relaxed) {
            rounds += 1;
            for (host, server) in servers.iter().enumerate() {
                let first = 1_000_000 * rounds + host * 1000;
                let feed = site::feed(first..first + ITEMS, &server.url(""));
                server.route(
                    "/politics/feed/",
                    Route::typed(feed, "application/rss+xml", None),
                );
            }
            let parsers = kiji::web::parsers(true);
            kiji::web::refresh(&mut store, &fetcher, parsers, &stop, &mut |_| {}).expect("refresh");
        }
        rounds
    })
}

/// The reader on a 100,000-article store while refreshes run beside it
/// without end, as the reader runs them (one core left to it), into the
/// same store: opening it and drawing the first frame, and keystrokes,
/// each an `update` and a full frame.
fn reader_during_refresh(c: &mut Criterion) {
    use kiji::action::Action;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("kiji.db");
    std::fs::copy(stores::store_path(100_000), &path).expect("a copy of the bench store");
    let (servers, feeds) = sites();
    let stop = Arc::new(AtomicBool::new(false));
    let refreshing = refresh_without_end(servers, feeds, path.clone(), Arc::clone(&stop));
    let size = ratatui::layout::Rect::new(0, 0, 200, 50);
    let open = || {
        let mut store = Store::open(&path).expect("store");
        store.cancel_reads_when(Arc::default()).expect("handler");
        store.hold_pages().expect("cache");
        kiji::app::App::new(store, size, chrono::Utc::now).expect("app")
    };
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(200, 50)).expect("terminal");
    let mut group = c.benchmark_group("reader on 100000 during a refresh");
    group.sample_size(20);
    group.bench_function("open and first frame", |b| {
        b.iter(|| {
            let app = open();
            terminal
                .draw(|frame| kiji::ui::render(&app, frame))
                .expect("draw");
        });
    });
    let mut app = open();
    let mut singles = Vec::new();
    let keys = [
        Action::Down,
        Action::PageDown,
        Action::Open,
        Action::Back,
        Action::PageUp,
        Action::Up,
    ];
    group.bench_function("keystroke to frame: move, page, open", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                for action in keys.clone() {
                    let start = Instant::now();
                    app.update(action);
                    terminal
                        .draw(|frame| kiji::ui::render(&app, frame))
                        .expect("draw");
                    singles.push(start.elapsed());
                    total += start.elapsed();
                }
            }
            total
        });
    });
    group.finish();
    stop.store(true, Ordering::Relaxed);
    let rounds = refreshing.join().expect("refreshes");
    singles.sort();
    let at = |p: f64| singles[((singles.len() - 1) as f64 * p) as usize].as_secs_f64() * 1000.0;
    println!(
        "during {rounds} refreshes: {} keystrokes, median {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        singles.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
}

criterion_group!(benches, extract, refresh_bench, reader_during_refresh);
criterion_main!(benches);
