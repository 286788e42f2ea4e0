package index

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// adviseRandom tells the kernel that a segment's mapped file is read at
// random (MADV_RANDOM): a lookup reads a few nodes of a term dictionary,
// a postings list and a stored record, so the readahead the kernel would
// otherwise do around each page fault only fills memory with pages no
// query asks for. It is a hint; an error changes nothing a query sees.
func adviseRandom(data []byte) {
	if len(data) > 0 {
		_ = unix.Madvise(data, unix.MADV_RANDOM)
	}
}

// dropCached asks the kernel to drop the files under dir from the page
// cache once they are on disk. A build writes the whole index once; kept
// in the cache, in the large pages the writes were cached in, every page a
// query touches maps its neighbours too, and a server that has just built
// its index holds most of it resident. Dropped, the server reads back only
// what its queries use.
func dropCached(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		// Dirty pages are not dropped: write them first.
		if err := unix.Fdatasync(int(f.Fd())); err != nil {
			return fmt.Errorf("index: sync %s: %w", path, err)
		}
		if err := unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED); err != nil {
			return fmt.Errorf("index: drop %s from the page cache: %w", path, err)
		}
		return nil
	})
}
