//! Opening and reading the result files a directory walk finds.
//!
//! On Unix a file is opened relative to its directory (`openat`), so the kernel looks up one
//! path component per file instead of the whole path; elsewhere, by its path.
//!
//! On Linux a file can first be read without waiting for the disk ([`read_if_cached`]): when
//! its data is not in the page cache the kernel is asked to bring it in and the caller goes on
//! with other files, reading this one ([`read_all`]) once the disk has had time. A core then
//! keeps verifying signatures instead of idling through each disk read, which matters for
//! results that were copied in from elsewhere or pushed out of memory since.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
#[cfg(target_os = "linux")]
use std::sync::atomic::{AtomicBool, Ordering};

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

/// Reads all of `file`, which has just been opened, into `buffer` (grown as needed; one
/// buffer serves many files) and returns its bytes.
///
/// It reads until end of file without asking for the file's size first, which `read_to_end`
/// does with two more system calls per file. When `regular` (the file is known to be a regular
/// file), a read that fills less than the room it was given has reached the end (POSIX
/// `read()`: fewer bytes only at end of file or when a signal handler interrupts, and this
/// program installs none), which saves the read that would return 0; other files are read
/// until a read returns 0.
pub fn read_all<'b>(file: &File, regular: bool, buffer: &'b mut Vec<u8>) -> io::Result<&'b [u8]> {
    read_rest(file, regular, buffer, 0)
}

/// [`read_all`], unless the start of `file` (a regular file just opened) is not in memory:
/// then `None`, with the kernel asked to read it in (`POSIX_FADV_WILLNEED`), so that the
/// caller can turn to other work and [`read_all`] this file later.
///
/// Only on Linux, where `preadv2` with `RWF_NOWAIT` reads what the page cache holds and fails
/// with `EAGAIN` rather than wait. Such a read may stop short where the cached data stops; the
/// kernel reads files in whole pages, so it then stops at a multiple of the page size (which is
/// a multiple of 4096). A short read that ends elsewhere has reached the end of the file; one
/// that ends on a multiple of 4096 goes on with reads that wait.
pub fn read_if_cached<'b>(
    file: &File,
    regular: bool,
    buffer: &'b mut Vec<u8>,
) -> io::Result<Option<&'b [u8]>> {
    #[cfg(target_os = "linux")]
    if regular && !NOWAIT_UNSUPPORTED.load(Ordering::Relaxed) {
        use rustix::io::{preadv2, Errno, ReadWriteFlags};
        grow(buffer, 0);
        let slices = &mut [io::IoSliceMut::new(buffer)];
        match preadv2(file, slices, 0, ReadWriteFlags::NOWAIT) {
            Ok(read) if read < buffer.len() && read % 4096 != 0 => {
                return Ok(Some(&buffer[..read]))
            }
            Ok(read) => return read_rest(file, regular, buffer, read).map(Some),
            Err(Errno::AGAIN) => {
                // Advice only: if it is not taken, the later read waits for the disk.
                let _ = rustix::fs::fadvise(file, 0, None, rustix::fs::Advice::WillNeed);
                return Ok(None);
            }
            // A kernel or file system that cannot read without waiting: read as usual, and
            // stop trying (the files of a run are mostly on one file system).
            Err(Errno::OPNOTSUPP | Errno::NOSYS) => {
                NOWAIT_UNSUPPORTED.store(true, Ordering::Relaxed)
            }
            Err(Errno::INTR) => {}
            Err(e) => return Err(e.into()),
        }
    }
    read_all(file, regular, buffer).map(Some)
}

/// Set once reading without waiting turned out not to be supported.
#[cfg(target_os = "linux")]
static NOWAIT_UNSUPPORTED: AtomicBool = AtomicBool::new(false);

/// Reads `file` from byte `filled` on, into `buffer` after the `filled` bytes already there.
fn read_rest<'b>(
    mut file: &File,
    regular: bool,
    buffer: &'b mut Vec<u8>,
    mut filled: usize,
) -> io::Result<&'b [u8]> {
    if filled > 0 {
        file.seek(SeekFrom::Start(filled as u64))?;
    }
    loop {
        grow(buffer, filled);
        let room = buffer.len() - filled;
        match file.read(&mut buffer[filled..]) {
            Ok(0) => return Ok(&buffer[..filled]),
            Ok(read) if regular && read < room => return Ok(&buffer[..filled + read]),
            Ok(read) => filled += read,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// Makes room in `buffer` past its first `filled` bytes when it has none.
fn grow(buffer: &mut Vec<u8>, filled: usize) {
    if filled == buffer.len() {
        buffer.resize((2 * buffer.len()).max(16 * 1024), 0);
    }
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroU64;
    use std::path::PathBuf;

    use super::*;

    /// A new scratch directory under the crate's `target` (on disk, where the page cache can
    /// let go of a file, unlike a `tmpfs` temporary directory).
    fn scratch(name: &str) -> PathBuf {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("target")
            .join(format!("files-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch directory");
        dir
    }

    /// `len` bytes that differ from page to page.
    fn content(len: usize) -> Vec<u8> {
        (0..len).map(|i| b'a' + (i / 997 % 26) as u8).collect()
    }

    /// Writes `bytes` to `path` and opens it again for reading.
    fn written(path: &Path, bytes: &[u8]) -> File {
        std::fs::write(path, bytes).expect("file written");
        File::open(path).expect("file opened")
    }

    #[test]
    fn whole_files_are_read_at_every_size_around_pages_and_the_buffer() {
        let dir = scratch("sizes");
        let mut buffer = Vec::new();
        for len in [
            0, 1, 4095, 4096, 4097, 8192, 16_383, 16_384, 16_385, 40_000, 4096,
        ] {
            let expected = content(len);
            let path = dir.join(format!("{len}.json"));
            let file = written(&path, &expected);
            let read = read_if_cached(&file, true, &mut buffer).expect("read");
            assert_eq!(read, Some(&expected[..]), "{len} bytes, read if cached");
            let file = File::open(&path).expect("file opened");
            assert_eq!(read_all(&file, true, &mut buffer).expect("read"), expected);
            // Not known to be regular: read until a read returns nothing.
            let file = File::open(&path).expect("file opened");
            assert_eq!(read_all(&file, false, &mut buffer).expect("read"), expected);
        }
        std::fs::remove_dir_all(dir).expect("scratch removed");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn files_out_of_memory_are_left_for_later_and_files_partly_in_memory_read_whole() {
        use rustix::fs::{fadvise, Advice};
        let dir = scratch("evicted");
        let mut buffer = Vec::new();
        let expected = content(10_000);
        // Drops the page cache's copy of the bytes from `from` on (they are on disk).
        let evict = |file: &File, from: u64| {
            file.sync_all().expect("synced");
            fadvise(file, from, NonZeroU64::new(0), Advice::DontNeed).expect("advice taken");
        };

        // The kernel may keep a page it holds elsewhere at that moment (reclaim, monitoring),
        // so eviction is retried until a read without waiting finds the file out of memory;
        // a read that still finds it in memory must give the whole file.
        let file = written(&dir.join("out.json"), &expected);
        let left_for_later = (0..100).any(|_| {
            evict(&file, 0);
            match read_if_cached(&file, true, &mut buffer).expect("read") {
                None => true,
                Some(read) => {
                    assert_eq!(read, &expected[..]);
                    std::thread::sleep(std::time::Duration::from_millis(10));
                    false
                }
            }
        });
        assert!(left_for_later, "a file out of memory is left for later");
        assert_eq!(read_all(&file, true, &mut buffer).expect("read"), expected);

        // Only the start in memory (up to a page boundary: the cache holds whole pages): the
        // read without waiting stops there, short of the end of the file, and reads that wait
        // fetch the rest.
        let file = written(&dir.join("part.json"), &expected);
        evict(&file, 4096);
        let read = read_if_cached(&file, true, &mut buffer).expect("read");
        assert_eq!(read, Some(&expected[..]));
        std::fs::remove_dir_all(dir).expect("scratch removed");
    }
}
