//! An export to a file that appears only once it is whole: written to a
//! hidden file in the same folder, then renamed over the target.

use std::io::BufWriter;
use std::path::Path;

use claimdesk_core::Desk;

use crate::{ExportOptions, Format, InteropError, Result, Selection, export};

/// Like [`export`], into the file `path`. A failed export leaves neither
/// the file nor the hidden one.
pub fn export_to_file(
    desk: &Desk,
    format: Format,
    selection: &Selection,
    options: &ExportOptions,
    path: &Path,
    progress: &mut dyn FnMut(u64),
) -> Result<u64> {
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("{} is not a file name", path.display()))
    })?;
    let partial = path.with_file_name(format!(".{}.partial-{}", name.to_string_lossy(), std::process::id()));
    let written = std::fs::File::create(&partial)
        .map_err(|e| std::io::Error::new(e.kind(), format!("cannot create {}: {e}", partial.display())))
        .map_err(InteropError::from)
        .and_then(|file| {
            let mut out = BufWriter::new(file);
            let count = export(desk, format, selection, options, &mut out, progress)?;
            out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            std::fs::rename(&partial, path)?;
            Ok(count)
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}
