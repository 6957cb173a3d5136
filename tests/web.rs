//! Reading the web from the command line — `kiji import URL`, `follow`,
//! `feeds`, `unfollow`, `refresh` — against a server of the tests' own on
//! 127.0.0.1 serving pages and feeds written for the tests.

#[allow(dead_code)]
#[path = "support/server.rs"]
mod server;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use server::{Route, Server};
use tempfile::TempDir;

/// A store and a configuration with short fetch limits, in a folder of
/// their own.
struct Home {
    _dir: TempDir,
    store: PathBuf,
    config: PathBuf,
}

impl Home {
    fn new() -> Self {
        let dir = TempDir::new().expect("tempdir");
        let config = dir.path().join("config.toml");
        std::fs::write(
            &config,
            "[fetch]\ntimeout_seconds = 2\npause_ms = 0\nretries = 1\n",
        )
        .expect("config");
        Self {
            store: dir.path().join("kiji.db"),
            config,
            _dir: dir,
        }
    }

    fn kiji(&self) -> Command {
        let mut command = Command::cargo_bin("kiji").expect("binary builds");
        command
            .env_remove("KIJI_STORE")
            .env_remove("KIJI_CONFIG")
            .arg("--store")
            .arg(&self.store)
            .arg("--config")
            .arg(&self.config);
        command
    }

    /// Runs kiji and gives its exit code, standard output and error.
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let output = self.kiji().args(args).output().expect("runs");
        (
            output.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }

    fn list(&self) -> Vec<serde_json::Value> {
        let (code, out, err) = self.run(&["list", "--json"]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).expect("json")
    }
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(Path::new("tests/fixtures").join(path)).expect("fixture")
}

/// A fixture with `{base}` made the server's address.
fn templated(server: &Server, path: &str) -> Vec<u8> {
    String::from_utf8(fixture(path))
        .expect("utf-8")
        .replace("{base}", &server.url(""))
        .into_bytes()
}

const RAIL: &str = "/politics/politics-government/20241013-215577/";
const DIET: &str = "/politics/politics-government/20241012-215402/";

/// A Japan News–like site: a section feed, one article page, one item
/// whose page is gone.
fn japan_news() -> Server {
    let server = Server::start();
    server.route(RAIL, Route::html(fixture("pages/jn-rail-subsidies.html")));
    let feed = templated(&server, "feeds/jn-politics.rss");
    server.route(
        "/politics/feed/",
        Route::typed(feed, "application/rss+xml; charset=UTF-8", Some("\"jn-1\"")),
    );
    server
}

#[test]
fn an_article_page_is_imported_by_its_address() {
    let server = japan_news();
    let home = Home::new();
    let url = server.url(RAIL);
    let (code, out, err) = home.run(&["import", &url]);
    assert_eq!(
        (code, out.as_str()),
        (0, "imported 1, updated 0, unchanged 0, failed 0\n"),
        "{err}"
    );
    let list = home.list();
    assert_eq!(
        list[0]["headline"],
        "Government Weighs Wider Subsidies to Keep Rural Rail Lines Running Through Winter"
    );
    assert_eq!(list[0]["section"], "Politics");
    let (_, export, _) = home.run(&["export"]);
    let export: serde_json::Value = serde_json::from_str(&export).expect("json");
    let article = &export[0];
    assert_eq!(
        article["url"],
        "https://japannews.yomiuri.co.jp/politics/politics-government/20241013-215577/",
        "the page's canonical address"
    );
    assert_eq!(article["origin"], "page");
    assert!(article["captured"].is_string());
    assert!(
        article["byline"]
            .as_str()
            .is_some_and(|b| b.starts_with("By Aiko Tanabe"))
    );
}

#[test]
fn a_failing_address_is_one_line_and_the_others_still_land() {
    let server = japan_news();
    let home = Home::new();
    let gone = server.url("/gone/");
    let (code, out, err) = home.run(&[
        "import",
        &gone,
        &server.url(RAIL),
        "sample_data/001_diet-passes-supplementary-budget-to.txt",
    ]);
    assert_eq!(code, 1);
    assert_eq!(err, format!("{gone}: 404 Not Found\n"));
    assert_eq!(out, "imported 2, updated 0, unchanged 0, failed 1\n");
}

#[test]
fn a_page_that_is_no_article_is_refused_with_the_reason() {
    let server = Server::start();
    server.route(
        "/politics/",
        Route::html(fixture("pages/jn-section-index.html")),
    );
    let home = Home::new();
    let (code, _, err) = home.run(&["import", &server.url("/politics/")]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!(
            "{}: not an article: an index of articles, like a section or front page\n",
            server.url("/politics/")
        )
    );
}

#[test]
fn a_shift_jis_page_is_read_in_the_charset_its_server_names() {
    let server = Server::start();
    server.route(
        "/news/ferry",
        Route::typed(
            fixture("pages/minato-ferry-sjis.html"),
            "text/html; charset=Shift_JIS",
            None,
        ),
    );
    let home = Home::new();
    let (code, out, err) = home.run(&["parse", &server.url("/news/ferry")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("港町に新しいフェリーが就航"), "{out}");
}

#[test]
fn following_a_page_finds_the_feed_it_links_to() {
    let server = Server::start();
    server.route(
        "/news/ferry",
        Route::html(fixture("pages/harbor-ferry.html")),
    );
    server.route(
        "/rss.xml",
        Route::typed(
            templated(&server, "feeds/harbor.atom"),
            "application/atom+xml",
            None,
        ),
    );
    let home = Home::new();
    let (code, out, err) = home.run(&["follow", &server.url("/news/ferry")]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!(
            "following Harbor Daily: {} (2 items now; kiji refresh fetches them with their pages)\n",
            server.url("/rss.xml")
        )
    );
    let (_, again, _) = home.run(&["follow", &server.url("/rss.xml")]);
    assert_eq!(
        again,
        format!(
            "already following Harbor Daily: {}\n",
            server.url("/rss.xml")
        )
    );
}

#[test]
fn a_site_without_feed_links_is_followed_at_its_feed_path() {
    let server = japan_news();
    server.route(
        "/politics/",
        Route::html("<html><head><title>Politics</title></head><body><p>x</p></body></html>"),
    );
    server.route(
        "/feed/",
        Route::typed(
            templated(&server, "feeds/harbor.rdf"),
            "application/rdf+xml",
            None,
        ),
    );
    let home = Home::new();
    let (code, out, err) = home.run(&["follow", &server.url("/politics/")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&server.url("/feed/")), "{out}");
    let other = Server::start();
    other.route(
        "/",
        Route::html("<html><body><p>no feed here</p></body></html>"),
    );
    let (code, _, err) = home.run(&["follow", &other.url("/")]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with(&format!("{}: no feed found", other.url("/"))),
        "{err}"
    );
}

#[test]
fn feeds_come_and_go_as_opml_json_and_text() {
    let server = Server::start();
    let home = Home::new();
    let opml = home.store.with_file_name("follows.opml");
    std::fs::write(&opml, templated(&server, "feeds/follows.opml")).expect("opml");
    let (code, out, err) = home.run(&["follow", "--opml", &opml.to_string_lossy()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("following 2 feeds from "), "{out}");
    let (_, json, _) = home.run(&["feeds", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(json[0]["url"], server.url("/politics/feed/"));
    assert_eq!(json[0]["title"], "The Japan News: Politics");
    assert_eq!(json[1]["fetched"], serde_json::Value::Null);
    let (_, exported, _) = home.run(&["feeds", "--opml"]);
    assert!(
        exported.contains(&format!("xmlUrl=\"{}\"", server.url("/atom.xml"))),
        "{exported}"
    );
    let (_, text, _) = home.run(&["feeds"]);
    assert!(
        text.contains("0 articles, 0 unread, never fetched"),
        "{text}"
    );
    let (code, out, _) = home.run(&["unfollow", &server.url("/atom.xml")]);
    assert_eq!(code, 0);
    assert!(out.starts_with("no longer following"), "{out}");
    let (code, _, err) = home.run(&["unfollow", &server.url("/atom.xml")]);
    assert_eq!(code, 1);
    assert!(err.contains("not following"), "{err}");
    assert_eq!(
        home.run(&["feeds", "--json"]).1.matches("\"url\"").count(),
        1
    );
}

#[test]
fn refresh_fetches_new_items_with_their_pages_and_then_costs_a_304() {
    let server = japan_news();
    let home = Home::new();
    let feed = server.url("/politics/feed/");
    assert_eq!(home.run(&["follow", &feed]).0, 0);
    let (code, out, err) = home.run(&["refresh"]);
    // the rail page is read whole; the Diet page is gone, so the feed's own
    // text stands in; the item naming a local file is read from the feed
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "1 feed, 3 new articles\n");
    assert_eq!(server.hits(RAIL), 1);
    assert_eq!(server.hits(DIET), 1);
    let list = home.list();
    let headlines: Vec<&str> = list.iter().filter_map(|a| a["headline"].as_str()).collect();
    assert!(
        headlines.contains(&"Diet Panel Questions Ministry Over Delays in Digital ID Card Rollout")
    );
    let (_, export, _) = home.run(&["export"]);
    assert!(
        !export.contains("file://"),
        "a local path never becomes an article's address"
    );
    assert!(!export.contains('\u{1b}'));
    let rail: serde_json::Value = serde_json::from_str::<Vec<serde_json::Value>>(&export)
        .expect("json")
        .into_iter()
        .find(|a| {
            a["headline"]
                .as_str()
                .is_some_and(|h| h.starts_with("Government"))
        })
        .expect("the rail article");
    assert_eq!(rail["origin"], "feed");
    assert_eq!(
        rail["access_ranking"].as_array().map(Vec::len),
        Some(5),
        "the page's own lists"
    );

    let (code, out, _) = home.run(&["refresh"]);
    assert_eq!((code, out.as_str()), (0, "1 feed, 0 new articles\n"));
    assert_eq!(
        server.conditional_hits("/politics/feed/"),
        1,
        "the second fetch was conditional"
    );
    assert_eq!(server.hits(RAIL), 1, "no page fetched again");
    let (_, feeds, _) = home.run(&["feeds"]);
    assert!(
        feeds.contains("3 articles, 3 unread, fetched just now"),
        "{feeds}"
    );
}

#[test]
fn a_failing_feed_is_named_in_the_summary_and_kept_for_next_time() {
    let server = japan_news();
    server.route("/down/feed/", Route::Status(503));
    let home = Home::new();
    home.run(&["follow", &server.url("/politics/feed/")]);
    // following checks the feed is there, so a feed that fails later is
    // added to the store the way an OPML file would
    let opml = home.store.with_file_name("down.opml");
    std::fs::write(
        &opml,
        format!(
            r#"<opml version="2.0"><body><outline text="Down" xmlUrl="{}"/></body></opml>"#,
            server.url("/down/feed/")
        ),
    )
    .expect("opml");
    home.run(&["follow", "--opml", &opml.to_string_lossy()]);
    let (code, out, err) = home.run(&["refresh"]);
    assert_eq!(code, 1);
    let line = format!("{}: 503 Service Unavailable", server.url("/down/feed/"));
    assert_eq!(out, format!("2 feeds, 3 new articles, 1 failed: {line}\n"));
    assert!(err.contains(&line), "{err}");
    let (_, feeds, _) = home.run(&["feeds"]);
    assert!(
        feeds.contains(&format!("last fetch failed: {line}")),
        "{feeds}"
    );
}

#[test]
fn a_page_whose_server_asks_to_wait_long_is_left_for_the_next_refresh() {
    let server = japan_news();
    server.route(
        RAIL,
        Route::RetryAfter(
            3600,
            Box::new(Route::html(fixture("pages/jn-rail-subsidies.html"))),
        ),
    );
    let home = Home::new();
    home.run(&["follow", &server.url("/politics/feed/")]);
    let (code, out, _) = home.run(&["refresh"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("the server asks to wait 3600 s; left for the next refresh"),
        "{out}"
    );
    // the server answers now: the item was not marked seen, so its page is
    // fetched, and replaces the feed's text kept meanwhile
    let (code, out, err) = home.run(&["refresh"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("1 feed, 0 new articles, 1 updated"),
        "{out}"
    );
    assert_eq!(server.hits(RAIL), 2);
    assert_eq!(home.list().len(), 3);
}

#[test]
fn a_slow_feed_times_out_without_holding_up_the_rest() {
    let server = japan_news();
    server.route(
        "/slow/feed/",
        Route::Slow(Duration::from_secs(30), Box::new(Route::Status(200))),
    );
    let home = Home::new();
    home.run(&["follow", &server.url("/politics/feed/")]);
    let opml = home.store.with_file_name("slow.opml");
    std::fs::write(
        &opml,
        format!(
            r#"<opml version="2.0"><body><outline text="Slow" xmlUrl="{}"/></body></opml>"#,
            server.url("/slow/feed/")
        ),
    )
    .expect("opml");
    home.run(&["follow", "--opml", &opml.to_string_lossy()]);
    let started = std::time::Instant::now();
    let (code, out, _) = home.run(&["refresh"]);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!(
            "{}: timed out after 2 s",
            server.url("/slow/feed/")
        )),
        "{out}"
    );
    assert!(out.starts_with("2 feeds, 3 new articles"), "{out}");
    assert!(started.elapsed() < Duration::from_secs(20));
}
