//! Article pages imported by their address: good, failing, not an article,
//! in another charset.

use super::*;

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
