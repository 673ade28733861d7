//! What the window's commands share: the desk once it is open, and the
//! cancel switch of the running import.

use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use claimdesk_core::Desk;

use super::wire::{CommandError, DeskStatus};

#[derive(Default)]
pub struct DeskState {
    opened: Mutex<Option<Result<Arc<Desk>, CommandError>>>,
    pub import_cancel: Arc<AtomicBool>,
}

impl DeskState {
    /// Records the outcome of opening and returns the status to announce.
    pub fn set(&self, opened: Result<Desk, CommandError>) -> DeskStatus {
        let opened = opened.map(Arc::new);
        let status = status_of(Some(&opened));
        *self.opened.lock().unwrap_or_else(|p| p.into_inner()) = Some(opened);
        status
    }

    pub fn status(&self) -> DeskStatus {
        status_of(self.opened.lock().unwrap_or_else(|p| p.into_inner()).as_ref())
    }

    /// The open desk, or the error a command should return instead.
    pub fn desk(&self) -> Result<Arc<Desk>, CommandError> {
        match self.opened.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
            Some(Ok(desk)) => Ok(Arc::clone(desk)),
            Some(Err(e)) => Err(e.clone()),
            None => Err(CommandError::starting()),
        }
    }
}

fn status_of(opened: Option<&Result<Arc<Desk>, CommandError>>) -> DeskStatus {
    match opened {
        None => DeskStatus { ready: false, error: None, data_dir: None },
        Some(Ok(desk)) => {
            DeskStatus { ready: true, error: None, data_dir: Some(desk.data_dir().display().to_string()) }
        }
        Some(Err(e)) => DeskStatus { ready: false, error: Some(e.clone()), data_dir: None },
    }
}
