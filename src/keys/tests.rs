use super::*;

#[test]
fn no_key_is_bound_twice_in_a_context() {
    for context in Context::ALL {
        let keys: Vec<Key> = BINDINGS
            .iter()
            .filter(|b| b.context == context)
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for (index, key) in keys.iter().enumerate() {
            assert!(
                !keys[index + 1..].contains(key),
                "{key:?} is bound twice in {context:?}"
            );
        }
    }
}

#[test]
fn every_binding_has_help_text_keys_and_a_unique_name() {
    for (index, binding) in BINDINGS.iter().enumerate() {
        assert!(!binding.help.is_empty() && !binding.keys.is_empty());
        assert!(
            BINDINGS[index + 1..].iter().all(|b| b.name != binding.name),
            "{} is named twice",
            binding.name
        );
    }
    assert_eq!(Keymap::default().check(), Ok(()));
}

#[test]
fn every_default_key_reads_back_from_its_name() {
    for binding in BINDINGS {
        for key in binding.keys {
            let name = key_name(*key).replace('^', "ctrl-");
            assert_eq!(parse_key(&name), Some(*key), "{name}");
        }
    }
    assert_eq!(parse_key("F13"), None);
    assert_eq!(parse_key("hyper-x"), None);
}

#[test]
fn ctrl_c_quits_whatever_the_configuration_says() {
    let mut keymap = Keymap::default();
    keymap.remap("quit", &[]).expect("no keys for quit");
    keymap
        .remap("prompt_quit", &[])
        .expect("none in the prompt either");
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for context in [Context::Main, Context::Prompt, Context::Confirm] {
        assert_eq!(
            keymap.action_for(ctrl_c, context),
            Some(Action::Quit),
            "{context:?}"
        );
    }
    assert_eq!(
        keymap.remap("down", &["ctrl-c".into()]),
        Err(KeymapError::CtrlC("down"))
    );
}

#[test]
fn remapping_moves_an_action_to_new_keys_and_catches_clashes() {
    let mut keymap = Keymap::default();
    keymap
        .remap("down", &["n".into(), "Down".into()])
        .expect("remap");
    let press = |keymap: &Keymap, c| {
        keymap.action_for(
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            Context::Main,
        )
    };
    assert_eq!(press(&keymap, 'n'), Some(Action::Down));
    assert_eq!(press(&keymap, 'j'), None);
    assert!(matches!(
        keymap.check(),
        Err(KeymapError::Conflict {
            first: "down",
            second: "next_match",
            ..
        })
    ));
    assert_eq!(
        keymap.remap("fly", &[]),
        Err(KeymapError::UnknownAction("fly".into()))
    );
    assert_eq!(
        keymap.remap("up", &["ctrl-nope".into()]),
        Err(KeymapError::UnknownKey("ctrl-nope".into()))
    );
}

#[test]
fn presses_map_to_actions_releases_do_not() {
    let keymap = Keymap::default();
    let main = |event| keymap.action_for(event, Context::Main);
    let press = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(main(press), Some(Action::Down));
    let mut release = press;
    release.kind = KeyEventKind::Release;
    assert_eq!(main(release), None);
    assert_eq!(
        main(KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)),
        Some(Action::Bottom)
    );
    assert_eq!(
        main(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(Action::Quit)
    );
    assert_eq!(
        main(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE)),
        None
    );
}

#[test]
fn the_prompt_types_what_it_does_not_bind() {
    let keymap = Keymap::default();
    let prompt =
        |code, modifiers| keymap.action_for(KeyEvent::new(code, modifiers), Context::Prompt);
    assert_eq!(
        prompt(KeyCode::Char('q'), KeyModifiers::NONE),
        Some(Action::Input('q'))
    );
    assert_eq!(
        prompt(KeyCode::Char('Y'), KeyModifiers::SHIFT),
        Some(Action::Input('Y'))
    );
    assert_eq!(
        prompt(KeyCode::Char('東'), KeyModifiers::NONE),
        Some(Action::Input('東'))
    );
    assert_eq!(
        prompt(KeyCode::Enter, KeyModifiers::NONE),
        Some(Action::Open)
    );
    assert_eq!(prompt(KeyCode::Esc, KeyModifiers::NONE), Some(Action::Back));
    assert_eq!(
        prompt(KeyCode::Char('u'), KeyModifiers::CONTROL),
        Some(Action::ClearInput)
    );
    assert_eq!(prompt(KeyCode::Char('x'), KeyModifiers::CONTROL), None);
}

#[test]
fn a_question_takes_y_and_anything_else_is_no() {
    let keymap = Keymap::default();
    let confirm =
        |code| keymap.action_for(KeyEvent::new(code, KeyModifiers::NONE), Context::Confirm);
    assert_eq!(confirm(KeyCode::Char('y')), Some(Action::Confirm));
    assert_eq!(confirm(KeyCode::Char('n')), Some(Action::Back));
    assert_eq!(confirm(KeyCode::Esc), Some(Action::Back));
}
