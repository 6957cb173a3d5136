//! The fetcher against a server of the tests' own on 127.0.0.1: what it
//! brings, and each way a server goes wrong, ends in one line naming the
//! address and why — never a hang, never more than the cap in memory.

#[allow(dead_code)]
#[path = "support/server.rs"]
mod server;

use std::time::{Duration, Instant};

use kiji::fetch::{Fetcher, Request, Response, Settings, Why};
use server::{Route, Server};

fn quick() -> Settings {
    Settings {
        timeout: Duration::from_secs(2),
        connect_timeout: Duration::from_secs(2),
        pause: Duration::ZERO,
        retries: 2,
        backoff: Duration::from_millis(10),
        max_retry_after: Duration::from_secs(5),
        max_bytes: 1024 * 1024,
        ..Settings::default()
    }
}

fn fetch(server: &Server, path: &str) -> Result<Response, kiji::fetch::FetchError> {
    Fetcher::new(quick()).get(&Request::get(server.url(path)))
}

fn body(response: Response) -> String {
    match response {
        Response::Fetched(page) => String::from_utf8(page.body).expect("utf-8"),
        Response::NotModified => panic!("expected a body, got 304"),
    }
}

#[test]
fn a_page_comes_with_its_type_and_validators() {
    let server = Server::start();
    server.route(
        "/a",
        Route::typed("<p>hi</p>", "text/html; charset=utf-8", Some("\"v1\"")),
    );
    let Response::Fetched(page) = fetch(&server, "/a").expect("fetched") else {
        panic!("expected a page");
    };
    assert_eq!(page.body, b"<p>hi</p>");
    assert_eq!(
        page.content_type.as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(page.etag.as_deref(), Some("\"v1\""));
    assert_eq!(page.url, server.url("/a"));
}

#[test]
fn an_unchanged_feed_costs_one_304() {
    let server = Server::start();
    server.route(
        "/feed",
        Route::typed("<rss/>", "application/rss+xml", Some("\"v1\"")),
    );
    let request = Request {
        etag: Some("\"v1\"".into()),
        ..Request::get(server.url("/feed"))
    };
    let response = Fetcher::new(quick()).get(&request).expect("fetched");
    assert_eq!(response, Response::NotModified);
    assert_eq!(server.hits("/feed"), 1);
    assert_eq!(server.conditional_hits("/feed"), 1);
}

#[test]
fn a_missing_page_is_one_line_naming_it() {
    let server = Server::start();
    let error = fetch(&server, "/gone").expect_err("404");
    assert_eq!(
        error.to_string(),
        format!("{}: 404 Not Found", server.url("/gone"))
    );
    assert_eq!(server.hits("/gone"), 1, "a 404 is not tried again");
}

#[test]
fn a_server_error_is_tried_again_until_it_answers() {
    let server = Server::start();
    server.route(
        "/flaky",
        Route::FailThen(500, 2, Box::new(Route::html("ok"))),
    );
    assert_eq!(body(fetch(&server, "/flaky").expect("third try")), "ok");
    assert_eq!(server.hits("/flaky"), 3);
}

#[test]
fn a_server_that_keeps_failing_is_given_up_on() {
    let server = Server::start();
    server.route("/down", Route::Status(503));
    let error = fetch(&server, "/down").expect_err("503");
    assert_eq!(error.why, Why::Status("503 Service Unavailable".into()));
    assert_eq!(server.hits("/down"), 3, "one try and two retries");
}

#[test]
fn retry_after_is_honoured() {
    let server = Server::start();
    server.route("/busy", Route::RetryAfter(1, Box::new(Route::html("ok"))));
    let start = Instant::now();
    assert_eq!(body(fetch(&server, "/busy").expect("after the wait")), "ok");
    assert!(start.elapsed() >= Duration::from_secs(1), "waited as asked");
}

#[test]
fn a_long_retry_after_is_left_for_the_next_refresh() {
    let server = Server::start();
    server.route(
        "/later",
        Route::RetryAfter(3600, Box::new(Route::html("ok"))),
    );
    let start = Instant::now();
    let error = fetch(&server, "/later").expect_err("not waited for");
    assert_eq!(error.why, Why::RetryLater(3600));
    assert!(error.to_string().contains("3600 s"));
    assert!(start.elapsed() < Duration::from_secs(2));
}

#[test]
fn a_slow_server_times_out() {
    let server = Server::start();
    server.route(
        "/slow",
        Route::Slow(Duration::from_secs(10), Box::new(Route::html("late"))),
    );
    let settings = Settings {
        timeout: Duration::from_secs(1),
        ..quick()
    };
    let start = Instant::now();
    let error = Fetcher::new(settings)
        .get(&Request::get(server.url("/slow")))
        .expect_err("timed out");
    assert_eq!(
        error.to_string(),
        format!("{}: timed out after 1 s", server.url("/slow"))
    );
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_redirect_loop_stops_at_five() {
    let server = Server::start();
    server.route("/a", Route::Redirect("/b".into()));
    server.route("/b", Route::Redirect("/a".into()));
    let error = fetch(&server, "/a").expect_err("a loop");
    assert_eq!(error.why, Why::Redirects);
    assert_eq!(
        server.hits("/a") + server.hits("/b"),
        6,
        "the first request and five redirects"
    );
}

#[test]
fn a_redirect_is_followed_to_where_the_page_is() {
    let server = Server::start();
    server.route("/old", Route::Redirect("/new".into()));
    server.route("/new", Route::html("moved"));
    let Response::Fetched(page) = fetch(&server, "/old").expect("followed") else {
        panic!("expected a page");
    };
    assert_eq!(page.url, server.url("/new"));
}

#[test]
fn a_redirect_to_a_local_file_is_not_followed() {
    let server = Server::start();
    server.route("/sneaky", Route::Redirect("file:///etc/passwd".into()));
    let error = fetch(&server, "/sneaky").expect_err("refused");
    assert_eq!(error.why, Why::RedirectedAway("file:///etc/passwd".into()));
    assert!(
        error.to_string().ends_with("which kiji does not follow"),
        "{error}"
    );
}

#[test]
fn a_gzip_bomb_stops_at_the_cap() {
    let server = Server::start();
    server.route("/bomb", Route::GzipBomb(64 * 1024 * 1024));
    let error = fetch(&server, "/bomb").expect_err("too large");
    assert!(matches!(error.why, Why::TooLarge(_)), "{error}");
}

#[test]
fn an_endless_body_stops_at_the_cap() {
    let server = Server::start();
    server.route("/endless", Route::Endless);
    let error = fetch(&server, "/endless").expect_err("too large");
    assert!(matches!(error.why, Why::TooLarge(_)), "{error}");
}

#[test]
fn only_web_addresses_are_fetched() {
    for url in [
        "file:///etc/passwd",
        "ftp://example.com/x",
        "/etc/passwd",
        "gopher://x",
    ] {
        let error = Fetcher::new(quick())
            .get(&Request::get(url))
            .expect_err(url);
        assert_eq!(error.why, Why::Scheme, "{url}");
        assert!(error.to_string().starts_with(url));
    }
}

#[test]
fn requests_to_one_host_keep_a_pause_between_them() {
    let server = Server::start();
    server.route("/p", Route::html("x"));
    let fetcher = Fetcher::new(Settings {
        pause: Duration::from_millis(300),
        ..quick()
    });
    let start = Instant::now();
    for _ in 0..3 {
        fetcher
            .get(&Request::get(server.url("/p")))
            .expect("fetched");
    }
    assert!(start.elapsed() >= Duration::from_millis(600));
}
