use super::*;

fn shape() -> Shape {
    Shape::default()
}

#[test]
fn wide_terminals_get_three_panes() {
    let areas = layout(Rect::new(0, 0, 160, 48), shape());
    assert_eq!(areas.panes(), [Pane::List, Pane::Reader, Pane::Sidebar]);
    assert_eq!(areas.tabs.height, 1);
    assert_eq!(areas.status.y, 47);
    assert_eq!(
        areas.list.width + areas.reader.width + areas.sidebar.width,
        160
    );
    assert!(!areas.sidebar_floats);
}

#[test]
fn the_sidebar_folds_away_below_100_columns_and_floats_on_request() {
    let areas = layout(Rect::new(0, 0, 99, 30), shape());
    assert_eq!(areas.panes(), [Pane::List, Pane::Reader]);
    let overlay = layout(
        Rect::new(0, 0, 99, 30),
        Shape {
            sidebar_overlay: true,
            ..shape()
        },
    );
    assert!(overlay.sidebar_floats);
    assert_eq!(overlay.pane_at(98, 10), Some(Pane::Sidebar));
}

#[test]
fn narrow_terminals_show_one_pane_at_a_time() {
    let area = Rect::new(0, 0, 50, 20);
    assert_eq!(layout(area, shape()).panes(), [Pane::List]);
    let reading = Shape {
        focus: Pane::Reader,
        reading: true,
        ..shape()
    };
    assert_eq!(layout(area, reading).panes(), [Pane::Reader]);
    assert_eq!(layout(area, reading).reader.width, 50);
}

#[test]
fn too_small_below_the_minimum() {
    assert!(layout(Rect::new(0, 0, 29, 20), shape()).too_small);
    assert!(layout(Rect::new(0, 0, 80, 7), shape()).too_small);
    assert!(layout(Rect::new(0, 0, 0, 0), shape()).too_small);
    assert!(!layout(Rect::new(0, 0, 30, 8), shape()).too_small);
}

#[test]
fn tabs_scroll_to_keep_the_active_one_in_view_with_marks_for_the_hidden() {
    let area = Rect::new(0, 0, 20, 1);
    let widths = [5, 5, 5, 5, 5, 5];
    let shown = |strip: &TabStrip| strip.tabs.iter().map(|t| t.0).collect::<Vec<_>>();
    let first = tab_strip(&widths, 0, area);
    assert_eq!(shown(&first), [0, 1, 2]);
    assert_eq!((first.more_left, first.more_right), (None, Some(19)));
    let last = tab_strip(&widths, 5, area);
    assert_eq!(shown(&last), [4, 5]);
    assert_eq!((last.more_left, last.more_right), (Some(0), None));
    let middle = tab_strip(&widths, 3, area);
    assert!(shown(&middle).contains(&3));
    assert_eq!((middle.more_left, middle.more_right), (Some(0), Some(19)));
    let all = tab_strip(&[5, 5, 5], 2, area);
    assert_eq!(shown(&all), [0, 1, 2]);
    assert_eq!((all.more_left, all.more_right), (None, None));
    assert!(tab_strip(&[], 0, area).tabs.is_empty());
}

#[test]
fn the_list_takes_what_the_reading_pane_cannot_use_and_the_split_moves() {
    let wide = layout(Rect::new(0, 0, 250, 50), shape());
    assert_eq!(wide.reader.width, READER_MAX);
    assert!(wide.list.width > 100, "{}", wide.list.width);
    let medium = layout(Rect::new(0, 0, 120, 40), shape());
    let wider = layout(
        Rect::new(0, 0, 120, 40),
        Shape {
            list_share: 60,
            ..shape()
        },
    );
    assert!(wider.list.width > medium.list.width);
    for share in [0, 20, 75, 100] {
        for width in [60, 80, 99, 100, 160] {
            let areas = layout(
                Rect::new(0, 0, width, 30),
                Shape {
                    list_share: share,
                    ..shape()
                },
            );
            assert!(
                areas.list.width >= 28 && areas.reader.width >= 30,
                "{share} {width}"
            );
        }
    }
}
