package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"
)

// Typos are found through the deletion neighbourhoods of the glossary's
// words (see neighbourhood): two words within a typo share a form of them.
// The build keeps, for every distinct romanised word of the glossary of
// minFuzzy letters or more, the hash of every form of its neighbourhood,
// sorted, each with the word's number; a query looks the forms of its own
// word up by binary search. The table is one block of memory without
// pointers, read in place from its encoding: opening an index decodes
// nothing.
//
// The encoding, all integers little-endian:
//
//	uint32 nWords, uint32 nEntries
//	the words, sorted, as packed strings (see packedStrings)
//	nEntries × (uint64 hash of a form, uint32 word number), sorted
type typoTable struct {
	words    packedStrings
	entries  []byte
	nEntries int
}

// typoEntrySize is the bytes of one entry: a form's hash and a word number.
const typoEntrySize = 12

// errTypoTable reports a typo table that does not decode.
var errTypoTable = errors.New("index: typo table corrupt")

// formHash is the 64-bit FNV-1a hash of a form. Two forms of one hash are
// told apart by the weighted distance that checks every word found.
func formHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// encodeTypoTable encodes the typo table of words, which must be distinct.
func encodeTypoTable(words []string) []byte {
	words = slices.Sorted(slices.Values(words))
	type entry struct {
		hash uint64
		word uint32
	}
	var entries []entry
	for i, w := range words {
		for _, f := range neighbourhood(w) {
			entries = append(entries, entry{formHash(f), uint32(i)})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if a.hash != b.hash {
			if a.hash < b.hash {
				return -1
			}
			return 1
		}
		return int(a.word) - int(b.word)
	})
	b := binary.LittleEndian.AppendUint32(nil, uint32(len(words)))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(entries)))
	b = appendPackedStrings(b, words)
	for _, e := range entries {
		b = binary.LittleEndian.AppendUint64(b, e.hash)
		b = binary.LittleEndian.AppendUint32(b, e.word)
	}
	return b
}

// decodeTypoTable reads a typo table in place: the table refers to b.
func decodeTypoTable(b []byte) (*typoTable, error) {
	if len(b) < 8 {
		return nil, fmt.Errorf("%w: %d bytes", errTypoTable, len(b))
	}
	nWords := int(binary.LittleEndian.Uint32(b))
	t := &typoTable{nEntries: int(binary.LittleEndian.Uint32(b[4:]))}
	var ok bool
	if t.words, b, ok = cutPackedStrings(b[8:], nWords); !ok {
		return nil, fmt.Errorf("%w: %d words", errTypoTable, nWords)
	}
	if t.nEntries != len(b)/typoEntrySize || len(b)%typoEntrySize != 0 {
		return nil, fmt.Errorf("%w: %d entries in %d bytes", errTypoTable, t.nEntries, len(b))
	}
	t.entries = b
	return t, nil
}

// word returns the i-th word of the table, or "" if there is none.
func (t *typoTable) word(i uint32) string { return t.words.at(i) }

// hashAt returns the hash of the i-th entry.
func (t *typoTable) hashAt(i int) uint64 {
	return binary.LittleEndian.Uint64(t.entries[typoEntrySize*i:])
}

// near calls fn with the number of every word whose neighbourhood has the
// form, at most limit of them, and returns how many it called fn with.
func (t *typoTable) near(form string, limit int, fn func(word uint32)) int {
	h := formHash(form)
	i := sort.Search(t.nEntries, func(i int) bool { return t.hashAt(i) >= h })
	n := 0
	for ; i < t.nEntries && n < limit && t.hashAt(i) == h; i++ {
		fn(binary.LittleEndian.Uint32(t.entries[typoEntrySize*i+8:]))
		n++
	}
	return n
}
