//! Following sites, listing and dropping feeds, and refreshing them: new
//! items, 304s, failures, slow servers and servers that ask to wait.

use super::*;

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
