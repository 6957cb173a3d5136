//! The reader on the web, end to end: the real binary in a pseudo-terminal
//! refreshing a feed with R and fetching a sidebar item's page, from a
//! server of the tests' own on 127.0.0.1.

#[allow(dead_code)]
#[path = "support/session.rs"]
mod session;

#[allow(dead_code)]
#[path = "support/server.rs"]
mod server;

use std::path::Path;
use std::time::Duration;

use server::{Route, Server};
use session::{DOWN, ENTER, Session, TAB};

/// A fixture with the site's addresses made the server's.
fn local(server: &Server, path: &str) -> Vec<u8> {
    std::fs::read_to_string(Path::new("tests/fixtures").join(path))
        .expect("fixture")
        .replace("https://japannews.yomiuri.co.jp", &server.url(""))
        .replace("{base}", &server.url(""))
        .into_bytes()
}

#[test]
fn r_refreshes_the_feeds_and_a_sidebar_item_is_fetched_and_opened() {
    let server = Server::start();
    server.route(
        "/politics/feed/",
        Route::typed(
            local(&server, "feeds/jn-politics.rss"),
            "application/rss+xml",
            None,
        ),
    );
    server.route(
        "/politics/politics-government/20241013-215577/",
        Route::html(local(&server, "pages/jn-rail-subsidies.html")),
    );
    // the Popular list's first item, and a second that never answers in time
    server.route(
        "/politics/politics-government/20241012-215422/",
        Route::html(local(&server, "pages/jn-cranes.html")),
    );
    server.route(
        "/politics/defense-security/20241011-215280/",
        Route::Slow(Duration::from_secs(30), Box::new(Route::Status(404))),
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("kiji.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[fetch]\ntimeout_seconds = 20\npause_ms = 0\n").expect("config");
    let followed = std::process::Command::new(env!("CARGO_BIN_EXE_kiji"))
        .arg("--store")
        .arg(&store)
        .arg("--config")
        .arg(&config)
        .args(["follow", &server.url("/politics/feed/")])
        .output()
        .expect("follow runs");
    assert!(followed.status.success(), "{followed:?}");

    let config = config.to_string_lossy().into_owned();
    let mut kiji = Session::start_args(&store, 140, 40, &["--config", &config]);
    kiji.wait_for("R fetches the feeds followed");
    kiji.send("R");
    kiji.wait_for("1 feed, 3 new articles");
    kiji.wait_for("Government Weighs Wider");

    // the newest article, with its byline and the page's own Popular list
    kiji.send("g");
    kiji.send(ENTER);
    kiji.wait_for("By Aiko Tanabe and Kenta Morioka");
    kiji.wait_for("Popular · Politics");
    kiji.send(TAB);
    kiji.wait_for("not in the store");
    kiji.send(ENTER);
    kiji.wait_for("Volunteers Count Record Number of Cranes");

    // back, then an item whose server is slow: Esc stops waiting for it
    kiji.send("\x7f");
    kiji.wait_for("By Aiko Tanabe and Kenta Morioka");
    kiji.send(TAB);
    kiji.send(DOWN);
    kiji.send(ENTER);
    kiji.wait_for("fetching \"Japan, Philippines");
    kiji.send("\x1b");
    kiji.wait_for("Fetch cancelled");
    kiji.send("q");
    assert!(kiji.wait_exit());
    kiji.assert_restored();
}
