//go:build !linux

package index

// adviseRandom is a no-op where the hint is not wired up (see
// pagecache_linux.go).
func adviseRandom([]byte) {}

// dropCached is a no-op where the hint is not wired up (see
// pagecache_linux.go).
func dropCached(string) error { return nil }
