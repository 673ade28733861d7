//! Progress bars on stderr for long work; hidden when stderr is not a terminal.

use claimdesk_core::domain::{ImportProgress, IndexProgress};
use indicatif::{ProgressBar, ProgressStyle};

/// A bar that only appears once there is work to show.
pub struct IndexBar {
    label: &'static str,
    bar: Option<ProgressBar>,
}

impl IndexBar {
    pub fn new(label: &'static str) -> Self {
        IndexBar { label, bar: None }
    }

    pub fn update(&mut self, progress: IndexProgress) {
        if progress.total == 0 {
            return;
        }
        let label = self.label;
        let bar = self.bar.get_or_insert_with(|| {
            let bar = ProgressBar::new(progress.total);
            bar.set_style(style("{msg} {bar:30} {pos}/{len} articles"));
            bar.set_message(label);
            bar
        });
        bar.set_position(progress.done);
    }

    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}

pub fn import_bar() -> ProgressBar {
    let bar = ProgressBar::new(0);
    bar.set_style(style("Importing {bar:30} {pos}/{len} files  {msg}"));
    bar
}

pub fn show_import(bar: &ProgressBar, progress: &ImportProgress) {
    bar.set_length(progress.files_total);
    bar.set_position(progress.files_done);
    bar.set_message(format!(
        "{} imported, {} duplicates, {} failed",
        progress.imported, progress.duplicates, progress.failed
    ));
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar())
}
