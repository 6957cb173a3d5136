//! A Japan News–like site made up for benchmarks and tests: article pages
//! of the site's structure and weight (about 60 KB of HTML: head scripts,
//! menus, the article, both ranking lists, latest articles, footer), each
//! with its own headline and address, and section feeds listing them.

/// The page on which the others are modelled, written for the tests.
const MODEL: &str = include_str!("../fixtures/pages/jn-rail-subsidies.html");
const MODEL_HEADLINE: &str =
    "Government Weighs Wider Subsidies to Keep Rural Rail Lines Running Through Winter";
const MODEL_PATH: &str = "/politics/politics-government/20241013-215577/";

/// The address of article `n` on a site at `base`.
pub fn article_path(n: usize) -> String {
    format!("/politics/politics-government/20241013-{n:06}/")
}

pub fn headline(n: usize) -> String {
    format!("Government Weighs Wider Subsidies for Rail Line No. {n} Through Winter")
}

/// Article page `n` of a site at `base` (`http://127.0.0.1:8080`), about
/// 60 KB.
pub fn page(n: usize, base: &str) -> String {
    of_template(&template(base), n)
}

/// Page `n` made from a site's [`template`]: quicker than [`page`] when
/// serving many.
pub fn of_template(template: &str, n: usize) -> String {
    template
        .replace("{{HEADLINE}}", &headline(n))
        .replace("{{PATH}}", &article_path(n))
}

/// A site's article page with `{{HEADLINE}}` and `{{PATH}}` to fill in.
pub fn template(base: &str) -> String {
    let mut page = MODEL
        .replace(MODEL_HEADLINE, "{{HEADLINE}}")
        .replace(MODEL_PATH, "{{PATH}}")
        .replace("https://japannews.yomiuri.co.jp", base);
    // what real pages carry besides the article: scripts and styles in the
    // head, a mega-menu, more latest articles
    let script: String = (0..330)
        .map(|i| {
            format!(
                "window.jnAds.push({{slot:\"div-gpt-ad-{i:04}\",sizes:[[300,250],[728,90]],targeting:{{section:\"politics\",pos:{i}}}}});\n"
            )
        })
        .collect();
    page = page.replace(
        "</head>",
        &format!("<script>window.jnAds = [];\n{script}</script>\n</head>"),
    );
    let menu: String = (0..120)
        .map(|i| format!("<li><a href=\"{base}/topics/topic-{i}/\">Topic {i}</a></li>\n"))
        .collect();
    page = page.replacen("<li><a href=\"", &format!("{menu}<li><a href=\""), 1);
    let latest: String = (0..40)
        .map(|i| {
            format!(
                "<li><a href=\"{base}/world/20241013-{i:06}/\">Latest Story Number {i} From Around the World Today</a></li>\n"
            )
        })
        .collect();
    page.replace(
        "<h2>Latest Articles</h2>\n<ul>\n",
        &format!("<h2>Latest Articles</h2>\n<ul>\n{latest}"),
    )
}

/// A section feed (RSS 2.0, as WordPress writes it) listing articles
/// `items` of a site at `base`.
pub fn feed(items: std::ops::Range<usize>, base: &str) -> String {
    let entries: String = items
        .map(|n| {
            format!(
                "<item><title>{}</title><link>{base}{}</link><guid isPermaLink=\"false\">{base}/?p={n}</guid>\
                 <pubDate>Sun, 13 Oct 2024 08:41:00 +0000</pubDate><category><![CDATA[Politics]]></category>\
                 <description><![CDATA[The government is considering wider subsidies&#8230;]]></description></item>\n",
                headline(n),
                article_path(n)
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Politics &#8211; The Japan News</title>\
         <link>{base}/politics/</link><description>Politics</description>\n{entries}</channel></rss>\n"
    )
}
