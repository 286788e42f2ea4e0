package index

import (
	"sync"

	"github.com/exonym/exonym/normalize"
)

// keyCache keeps the keys of names recently ranked, so that names met by
// many queries are normalised once. It is bounded: when full, it starts
// over, which keeps it simple and its memory known.
type keyCache struct {
	mu   sync.RWMutex
	m    map[string]normalize.Keys
	size int
}

func newKeyCache(size int) *keyCache {
	return &keyCache{m: make(map[string]normalize.Keys, size), size: size}
}

// get returns the keys of a name, computing them if needed.
func (c *keyCache) get(name string) normalize.Keys {
	c.mu.RLock()
	k, ok := c.m[name]
	c.mu.RUnlock()
	if ok {
		return k
	}
	k = normalize.KeysOf(name)
	c.mu.Lock()
	if len(c.m) >= c.size {
		c.m = make(map[string]normalize.Keys, c.size)
	}
	c.m[name] = k
	c.mu.Unlock()
	return k
}
