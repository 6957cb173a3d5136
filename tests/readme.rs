//! README's key table names every binding of the key table.

#[test]
fn the_readme_documents_every_key_binding() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    for binding in kiji::keys::BINDINGS {
        assert!(
            readme.contains(binding.help),
            "README.md does not describe: {}",
            binding.help
        );
    }
}
