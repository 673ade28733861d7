//! Turns what the analyst picked (files and folders) into the list of files to
//! read, in a stable order, so an import of the same folder always runs the same way.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use claimdesk_domain::ImportIssue;
use walkdir::WalkDir;

use crate::format_of;

/// The files found under the given paths.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discovered {
    /// Files in a format we read, in the order given, folders sorted by name.
    pub files: Vec<PathBuf>,
    /// Files with an extension we do not read; the caller reports them.
    pub unsupported: Vec<PathBuf>,
    /// Paths that do not exist and folders that cannot be read.
    pub errors: Vec<ImportIssue>,
}

/// Walks the given paths: files are taken as they are (even hidden ones: the
/// analyst named them), folders recursively in name order, skipping entries whose
/// name starts with '.'. Symbolic links are followed; a link back to an enclosing
/// folder is not followed again. A file reached twice is listed once.
pub fn discover(paths: &[PathBuf]) -> Discovered {
    let mut found = Discovered::default();
    let mut seen = HashSet::new();
    for root in paths {
        match fs::metadata(root) {
            Ok(metadata) if metadata.is_dir() => walk(root, &mut found, &mut seen),
            Ok(_) => found.add(root.clone(), &mut seen),
            Err(e) => found.errors.push(issue(root, &e)),
        }
    }
    found
}

impl Discovered {
    fn add(&mut self, path: PathBuf, seen: &mut HashSet<PathBuf>) {
        if !seen.insert(path.clone()) {
            return;
        }
        if format_of(&path).is_some() {
            self.files.push(path);
        } else {
            self.unsupported.push(path);
        }
    }
}

fn walk(root: &Path, found: &mut Discovered, seen: &mut HashSet<PathBuf>) {
    let entries = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.'));
    for entry in entries {
        match entry {
            Ok(entry) if entry.file_type().is_file() => found.add(entry.into_path(), seen),
            Ok(_) => {}
            // A loop is the folder we are already walking: nothing is missed.
            Err(e) if e.loop_ancestor().is_some() => {}
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                let error = match e.io_error() {
                    Some(io_error) => describe(io_error),
                    None => e.to_string(),
                };
                found.errors.push(ImportIssue { path: path.display().to_string(), error });
            }
        }
    }
}

fn issue(path: &Path, error: &io::Error) -> ImportIssue {
    ImportIssue { path: path.display().to_string(), error: describe(error) }
}

fn describe(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    #[test]
    fn walks_folders_in_order_and_sorts_out_what_we_cannot_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in
            ["b.txt", "a.MD", "sub/z.html", "sub/deeper/y.jsonl", "notes.docx", ".hidden.txt", ".git/x.txt", "README"]
        {
            let path = root.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        let missing = root.join("missing");
        let explicit = root.join(".hidden.txt");
        let found = discover(&[root.to_path_buf(), missing.clone(), explicit.clone(), root.join("b.txt")]);
        let names = |paths: &[PathBuf]| -> Vec<String> {
            paths.iter().map(|p| p.strip_prefix(root).unwrap().display().to_string()).collect()
        };
        assert_eq!(names(&found.files), ["a.MD", "b.txt", "sub/deeper/y.jsonl", "sub/z.html", ".hidden.txt"]);
        assert_eq!(names(&found.unsupported), ["README", "notes.docx"]);
        assert_eq!(
            found.errors,
            vec![ImportIssue { path: missing.display().to_string(), error: "no such file or folder".into() }]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).unwrap();
        fs::write(sub.join("a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap();
        let found = discover(&[dir.path().to_path_buf()]);
        assert_eq!(found.files, vec![sub.join("a.txt")]);
        assert!(found.errors.is_empty());
    }
}
