package index

import (
	"sync"

	"golang.org/x/text/language"
)

// cache is a bounded map shared by concurrent queries. When full it starts
// over, which keeps it simple and its memory known; what is hot is back in
// it within a few queries.
type cache[K comparable, V any] struct {
	mu   sync.RWMutex
	m    map[K]V
	size int
}

func newCache[K comparable, V any](size int) *cache[K, V] {
	return &cache[K, V]{m: make(map[K]V), size: size}
}

func (c *cache[K, V]) get(k K) (V, bool) {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	return v, ok
}

func (c *cache[K, V]) put(k K, v V) {
	c.mu.Lock()
	if len(c.m) >= c.size {
		c.m = make(map[K]V)
	}
	c.m[k] = v
	c.mu.Unlock()
}

// tagCache parses language tags, remembering each: a glossary uses a few
// dozen, and records repeat them.
type tagCache struct{ m sync.Map }

func (c *tagCache) parse(s string) (language.Tag, error) {
	if t, ok := c.m.Load(s); ok {
		return t.(language.Tag), nil
	}
	t, err := language.Parse(s)
	if err != nil {
		return language.Und, err
	}
	c.m.Store(s, t)
	return t, nil
}
