use super::*;

#[test]
fn lone_dash_and_dash_items() {
    assert_eq!(classify("-"), Line::Dash);
    assert_eq!(classify("- Yen Falls"), Line::DashItem("Yen Falls"));
    assert_eq!(classify("-"), Line::Dash);
}

#[test]
fn popular_headers_name_their_section() {
    for (line, section) in [
        ("\"Politics\" POPULAR ARTICLE", "Politics"),
        ("“Science & Nature” POPULAR ARTICLE", "Science & Nature"),
        ("\"World\" Popular Articles", "World"),
    ] {
        assert_eq!(
            classify(line),
            Line::ListHeader(ListKind::Popular(Some(section.into()))),
            "{line}"
        );
    }
    assert_eq!(
        classify("Popular articles in the past 24 hours"),
        Line::ListHeader(ListKind::Popular(None))
    );
    assert_eq!(
        classify("Popular Articles"),
        Line::ListHeader(ListKind::Popular(None))
    );
}

#[test]
fn ranking_and_other_headers() {
    assert_eq!(
        classify("JN ACCESS RANKING"),
        Line::ListHeader(ListKind::Ranking)
    );
    assert_eq!(classify("Most Read"), Line::ListHeader(ListKind::Ranking));
    for line in ["JN TOP STORIES", "Latest Articles", "Related Tags"] {
        assert_eq!(classify(line), Line::ListHeader(ListKind::Other), "{line}");
    }
}

#[test]
fn photo_credits() {
    for line in [
        "The Yomiuri Shimbun",
        "Yomiuri Shimbun file photo",
        "Yomiuri Shimbun photos / Taro Sato, Hana Ito",
        "Kenji Mori / The Yomiuri Shimbun",
        "AP",
        "Jiji Press",
        "Reuters",
    ] {
        assert_eq!(classify(line), Line::Credit, "{line}");
    }
    assert!(matches!(
        classify("The Yomiuri Shimbun reported the figures on Monday, citing officials."),
        Line::Text(_)
    ));
}

#[test]
fn navigation_before_the_headline() {
    assert_eq!(classify("Home>Sports>Baseball"), Line::Breadcrumb("Sports"));
    assert_eq!(classify("Home › Business"), Line::Breadcrumb("Business"));
    for line in [
        "Hot word : Ohtani, Yen",
        "#World Baseball Classic",
        "Source: https://example.com/a/1",
        "https://example.com/a/1",
    ] {
        assert_eq!(classify(line), Line::Navigation, "{line}");
    }
    assert!(matches!(classify("#1 seed wins"), Line::Text(_)));
}

#[test]
fn bylines_notices_and_what_tools_leave() {
    assert_eq!(
        classify("By Aiko Tanabe and Kenta Morioka / Yomiuri Shimbun Staff Writers"),
        Line::Byline
    );
    assert_eq!(classify("By Kenji Mori"), Line::Byline);
    assert!(matches!(
        classify("By contrast, the yen rose."),
        Line::Text(_)
    ));
    assert!(matches!(
        classify("By the end of the year the ministry will decide"),
        Line::Text(_)
    ));
    for line in [
        "Please disable the ad blocking feature.",
        "(BUTTON) Accept all (BUTTON) Reject all",
        "IFRAME: https://www.youtube.com/embed/x",
        "____________________ (BUTTON) Search",
        "[                    ]Search",
        "Yomiuri Shimbun3 hours ago",
        "Japan News · 5 minutes ago",
        "logo",
        "Post",
    ] {
        assert_eq!(classify(line), Line::Furniture, "{line}");
    }
    assert_eq!(classify("20241013-OYT1I50041-1.jpg"), Line::ImageFile);
    assert_eq!(classify("THE JAPAN TIMES"), Line::Furniture);
    assert_eq!(classify("REUTERS"), Line::Credit);
    assert_eq!(
        classify("Top Articles in Sports"),
        Line::ListHeader(ListKind::Popular(Some("Sports".into())))
    );
}

#[test]
fn page_furniture() {
    for line in [
        "Add TheJapanNews to your Google News feed.",
        "See all",
        "Copyright The Yomiuri Shimbun",
    ] {
        assert_eq!(classify(line), Line::Furniture, "{line}");
    }
}

#[test]
fn long_lines_are_text() {
    let long = "JN ACCESS RANKING ".repeat(20);
    assert!(matches!(classify(long.trim()), Line::Text(_)));
}
