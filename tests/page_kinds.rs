//! The kinds of real page text kiji must read right, one fixture each
//! (written here in the layouts real pages come in; the tool renderings
//! are what w3m, lynx, html2text and trafilatura made of
//! `fixtures/pages/jn-rail-subsidies.html`), each checked field by field.

use std::path::Path;

use kiji::article::{Article, Block, ListItem, Photo};
use kiji::load::load_file;

fn parsed(name: &str) -> (Article, Vec<String>) {
    let path = Path::new("tests/fixtures/dumps").join(name);
    let mut loaded = load_file(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(loaded.articles.len(), 1, "{name}");
    (loaded.articles.remove(0), loaded.warnings)
}

fn refused(name: &str) -> String {
    let path = Path::new("tests/fixtures/dumps").join(name);
    match load_file(&path) {
        Ok(loaded) => panic!("{name} was read as {:?}", loaded.articles),
        Err(error) => error.to_string(),
    }
}

fn photo(credit: Option<&str>, caption: &str) -> Block {
    Block::Photo(Photo {
        credit: credit.map(str::to_owned),
        caption: caption.to_owned(),
    })
}

fn titles(items: &[ListItem]) -> Vec<&str> {
    items.iter().map(|i| i.title.as_str()).collect()
}

const HEADLINE: &str =
    "Government Weighs Wider Subsidies to Keep Rural Rail Lines Running Through Winter";

/// The article every rendering of the Japan News page holds.
fn rail_subsidies_body(with_photos: bool) -> Vec<Block> {
    let mut body = Vec::new();
    let push_photo = |body: &mut Vec<Block>, credit, caption| {
        if with_photos {
            body.push(photo(Some(credit), caption));
        }
    };
    push_photo(
        &mut body,
        "The Yomiuri Shimbun",
        "A two-car train crosses a snow-covered bridge on a local line in Niigata Prefecture in January.",
    );
    body.push("The government is considering wider subsidies for rural railway operators whose lines lose money every winter, when snow removal costs rise and passenger numbers fall, according to sources familiar with the plan.".into());
    body.push("The transport ministry aims to include the measure in a supplementary budget to be compiled later this year, with support focused on lines where daily ridership has dropped below 2,000 passengers per kilometer.".into());
    body.push(Block::Subhead {
        text: "Snow removal costs double".into(),
    });
    body.push("Operators in heavy snowfall areas say the cost of keeping tracks clear has roughly doubled over the past decade as fewer workers are available and equipment ages.".into());
    push_photo(
        &mut body,
        "Courtesy of Echigo Line Railway",
        "Workers clear snow from a platform before the first train of the day.",
    );
    body.push("“Without help, some of these lines will simply stop running,” said an official of a third-sector railway company in Niigata Prefecture.".into());
    body.push("Local governments have asked the central government to share a larger part of the burden, arguing that rail lines are essential for students and elderly residents who do not drive.".into());
    body
}

const POPULAR: [&str; 5] = [
    "Prime Minister Pledges Faster Recovery Funds for Quake-Hit Towns on Noto Peninsula",
    "Japan, Philippines Agree to Expand Joint Coast Guard Drills in South China Sea",
    "Ruling Parties Set Date for Lower House Election, Eye Early Campaign Start",
    "Cabinet Approves Plan to Raise Minimum Wage Target to 1,500 Yen by End of Decade",
    "Diet Panel Questions Ministry Over Delays in Digital ID Card Rollout",
];

const RANKING: [&str; 5] = [
    "Record Crowds Expected at Autumn Leaves Festival in Kyoto as Foreign Visitor Numbers Climb",
    "Convenience Store Chain to Test Overnight Drone Deliveries in Mountain Villages",
    HEADLINE,
    "Ohtani Reaches New Milestone as Dodgers Clinch Spot in Championship Series",
    "Researchers Spot Rare Migratory Birds Resting on Remote Island off Kagoshima",
];

#[test]
fn w3m_lynx_and_html2text_renderings_read_as_the_page() {
    for name in [
        "jn-rail-subsidies.w3m.txt",
        "jn-rail-subsidies.lynx.txt",
        "jn-rail-subsidies.lynx-nolist.txt",
        "jn-rail-subsidies.html2text.md",
    ] {
        let (article, warnings) = parsed(name);
        assert_eq!(article.headline, HEADLINE, "{name}");
        assert_eq!(
            article.dateline.as_deref(),
            Some("17:41 JST, October 13, 2024"),
            "{name}"
        );
        assert_eq!(
            article.published.map(|p| p.to_rfc3339()).as_deref(),
            Some("2024-10-13T17:41:00+09:00"),
            "{name}"
        );
        assert_eq!(article.section.as_deref(), Some("Politics"), "{name}");
        assert_eq!(
            article.byline.as_deref(),
            Some("By Aiko Tanabe and Kenta Morioka / Yomiuri Shimbun Staff Writers"),
            "{name}"
        );
        let want = rail_subsidies_body(true);
        assert_eq!(
            article.body.len(),
            want.len(),
            "{name}: {:#?}",
            article.body
        );
        for (got, want) in article.body.iter().zip(&want) {
            // html2text writes curly quotes straight
            let unquote = |b: &Block| b.words().replace(['“', '”'], "\"");
            assert_eq!(unquote(got), unquote(want), "{name}");
            assert_eq!(
                std::mem::discriminant(got),
                std::mem::discriminant(want),
                "{name}"
            );
        }
        assert_eq!(
            article.photos().next().and_then(|p| p.credit.as_deref()),
            Some("The Yomiuri Shimbun"),
            "{name}"
        );
        assert_eq!(titles(&article.popular), POPULAR, "{name}");
        assert_eq!(titles(&article.access_ranking), RANKING, "{name}");
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
    }
}

#[test]
fn list_items_keep_their_addresses_where_the_rendering_has_them() {
    for name in [
        "jn-rail-subsidies.lynx.txt",
        "jn-rail-subsidies.html2text.md",
    ] {
        let (article, _) = parsed(name);
        assert_eq!(
            article.popular[0].url.as_deref(),
            Some("https://japannews.yomiuri.co.jp/politics/politics-government/20241012-215422/"),
            "{name}"
        );
        assert_eq!(
            article.access_ranking[4].url.as_deref(),
            Some("https://japannews.yomiuri.co.jp/science-nature/20241011-215299/"),
            "{name}"
        );
    }
}

#[test]
fn trafilatura_markdown_takes_what_the_text_lacks_from_its_front_matter() {
    let (article, warnings) = parsed("jn-rail-subsidies.trafilatura.md");
    assert_eq!(article.headline, HEADLINE);
    assert_eq!(article.dateline.as_deref(), Some("October 13, 2024"));
    assert_eq!(
        article.published.map(|p| p.to_rfc3339()).as_deref(),
        Some("2024-10-13T00:00:00+09:00")
    );
    assert_eq!(article.section.as_deref(), Some("Politics"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://japannews.yomiuri.co.jp/politics/politics-government/20241013-215577/")
    );
    assert_eq!(
        article.byline.as_deref(),
        Some("By Aiko Tanabe and Kenta Morioka")
    );
    assert_eq!(article.body, rail_subsidies_body(false));
    assert!(article.popular.is_empty() && article.access_ranking.is_empty());
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn a_photo_story_keeps_every_photo_where_it_stood() {
    let (article, _) = parsed("photo-story.txt");
    assert_eq!(
        article.headline,
        "Lanterns Light Up Old Canal District for Summer Festival"
    );
    assert_eq!(
        article.dateline.as_deref(),
        Some("20:15 JST, August 3, 2024")
    );
    let credits: Vec<Option<&str>> = article.photos().map(|p| p.credit.as_deref()).collect();
    assert_eq!(
        credits,
        [
            Some("Yomiuri Shimbun photos"),
            Some("Taro Sato / The Yomiuri Shimbun"),
            Some("Yomiuri Shimbun photos / Taro Sato, Hana Ito"),
            Some("Courtesy of Otaru City"),
            Some("Jiji Press"),
        ]
    );
    assert_eq!(
        article.caption(),
        Some("Paper lanterns line the banks of the canal in Otaru, Hokkaido, on Saturday evening.")
    );
    // the photos stand where they stood, between the paragraphs
    let kinds: String = article
        .body
        .iter()
        .map(|b| {
            if matches!(b, Block::Photo(_)) {
                'P'
            } else {
                't'
            }
        })
        .collect();
    assert_eq!(kinds, "PtPtPtPPt");
    assert!(article.paragraphs().all(|p| !p.contains("Shimbun")));
}

#[test]
fn a_dump_without_a_headline_infers_one_from_the_body_and_says_so() {
    let (article, warnings) = parsed("no-headline.txt");
    assert!(
        article
            .headline
            .starts_with("Trains on several commuter lines in Tokyo"),
        "{}",
        article.headline
    );
    assert_eq!(
        article.caption(),
        Some("Commuters crowd a platform at JR Shinjuku Station in Tokyo on Monday morning.")
    );
    assert_eq!(article.paragraphs().count(), 2);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("headline") && w.contains("inferred")),
        "{warnings:?}"
    );
}

#[test]
fn a_photo_and_one_paragraph_is_an_article_dated_or_not() {
    for (name, dateline) in [
        ("one-paragraph.txt", Some("11:02 JST, March 19, 2024")),
        ("one-paragraph-undated.txt", None),
    ] {
        let (article, _) = parsed(name);
        assert_eq!(article.dateline.as_deref(), dateline, "{name}");
        assert_eq!(article.photos().count(), 1, "{name}");
        assert_eq!(article.paragraphs().count(), 1, "{name}");
    }
}

#[test]
fn aggregator_pages_drop_their_masthead_repeat_and_relative_times() {
    let (article, _) = parsed("aggregator.txt");
    assert_eq!(
        article.headline,
        "Japan Exports Rise in October as Slump in U.S. Sales Eases"
    );
    assert_eq!(
        article.published.map(|p| p.to_rfc3339()).as_deref(),
        Some("2025-11-19T10:05:00+09:00")
    );
    let text: Vec<&str> = article.paragraphs().collect();
    assert_eq!(text.len(), 2, "{text:?}");
    assert!(text[0].starts_with("Japan's exports rose 3.6%"));
    let (article, _) = parsed("masthead-first.txt");
    assert_eq!(article.headline, "Port City Opens New Ferry Terminal");
    assert_eq!(article.paragraphs().count(), 2);
}

#[test]
fn a_lists_heading_is_its_name_not_its_first_item() {
    let (article, _) = parsed("list-headings.txt");
    assert_eq!(article.section.as_deref(), Some("Sports"));
    assert_eq!(
        titles(&article.popular),
        [
            "Veteran Striker Scores Twice as Home Side Climbs to Third",
            "Marathon Runner Sets Course Record in Osaka"
        ]
    );
    assert_eq!(
        titles(&article.access_ranking),
        ["Yen Slides to New Low Against Dollar"]
    );
}

#[test]
fn pages_that_are_not_articles_are_refused_saying_why() {
    let index = refused("section-index.txt");
    assert!(index.contains("section-index.txt:"), "{index}");
    assert!(index.contains("not an article: lists of links"), "{index}");
    let image = refused("image-attachment.txt");
    assert!(
        image.ends_with("image-attachment.txt:3: not an article: an image attachment page"),
        "{image}"
    );
}
