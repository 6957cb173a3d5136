use super::*;

#[test]
fn headline_key_ignores_case_quotes_and_spacing() {
    assert_eq!(
        headline_key("Japan’s  Hopes for “Seafood”"),
        headline_key("japan's hopes FOR \"seafood\"")
    );
    assert_ne!(headline_key("Japan’s Hopes"), headline_key("Japan Hopes"));
}

#[test]
fn ids_are_what_they_always_were() {
    // ids are stored: the way they are made may never change
    for headline in ["Japan’s Hopes", "Yen  `Slides`", "東京 Rain", "plain words"] {
        let mut hash = Fnv::new();
        hash.write(headline_key(headline).as_bytes());
        assert_eq!(
            article_id(headline, None),
            format!("{:016x}", hash.finish())
        );
    }
}

#[test]
fn id_is_stable_across_body_edits_but_not_headlines() {
    let mut a = Article::new("A Headline".into(), None);
    let b = Article::new("A Headline".into(), None);
    a.body.push("edited".into());
    assert_eq!(a.id, b.id);
    assert_ne!(a.content_hash(), b.content_hash());
    assert_ne!(a.id, Article::new("Another Headline".into(), None).id);
}

#[test]
fn the_caption_is_the_first_photo_and_photos_are_not_text() {
    let mut a = Article::new("A Headline".into(), None);
    a.body = vec![
        Block::Photo(Photo {
            credit: Some("Reuters".into()),
            caption: "First".into(),
        }),
        "Text.".into(),
        Block::Photo(Photo {
            credit: None,
            caption: "Second".into(),
        }),
    ];
    assert_eq!(a.caption(), Some("First"));
    assert_eq!(a.paragraphs().collect::<Vec<_>>(), ["Text."]);
    assert_eq!(a.photos().count(), 2);
}
