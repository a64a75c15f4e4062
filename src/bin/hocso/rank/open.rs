//! Opening the result files a directory walk finds. On Unix a file is opened relative to its
//! directory (`openat`), so the kernel looks up one path component per file instead of the
//! whole path; elsewhere, by its path.

use std::fs::File;
use std::io;
use std::path::Path;

/// A directory opened for the files in it.
#[derive(Debug)]
pub struct Directory {
    #[cfg(unix)]
    fd: rustix::fd::OwnedFd,
}

impl Directory {
    /// Opens the directory at `path`; `None` if it cannot be (its files are then opened by
    /// path, so any error is reported for the file).
    pub fn open(path: &Path) -> Option<Directory> {
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
            let fd = rustix::fs::open(path, flags, Mode::empty()).ok()?;
            Some(Directory { fd })
        }
        #[cfg(not(unix))]
        {
            path.is_dir().then_some(Directory {})
        }
    }

    /// Opens the file at `path`, which is in this directory, for reading.
    pub fn open_file(&self, path: &Path) -> io::Result<File> {
        #[cfg(unix)]
        if let Some(name) = path.file_name() {
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::RDONLY | OFlags::CLOEXEC;
            let fd = rustix::fs::openat(&self.fd, name, flags, Mode::empty())?;
            return Ok(File::from(fd));
        }
        File::open(path)
    }
}
