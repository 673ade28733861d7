//! The sample articles shipped inside the binary, so a new user has
//! something to search and read before importing their own.
//!
//! They are the project's own fictional articles (`tests/fixtures/samples`),
//! the same files the tests import.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use claimdesk_domain::{ImportProgress, ImportSummary};
use include_dir::{Dir, include_dir};

use crate::{Desk, DeskError, Result};

static SAMPLES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../../tests/fixtures/samples");

impl Desk {
    /// Writes the sample articles to `samples/` in the data directory and
    /// imports them. Importing them twice finds only duplicates.
    pub fn import_samples(
        &self,
        progress: &mut dyn FnMut(&ImportProgress),
        cancel: &AtomicBool,
    ) -> Result<ImportSummary> {
        let dir = self.data_dir.join("samples");
        let io_error = |source| DeskError::DataDir { path: dir.display().to_string(), source };
        std::fs::create_dir_all(&dir).map_err(io_error)?;
        for file in SAMPLES.files() {
            std::fs::write(dir.join(file.path()), file.contents()).map_err(io_error)?;
        }
        self.import(&[PathBuf::from(&dir)], progress, cancel)
    }
}
