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
//	nWords × uint32: the end of each word in the word blob
//	the word blob: the words, sorted, one after the other
//	nEntries × (uint64 hash of a form, uint32 word number), sorted
type typoTable struct {
	wordEnds []byte
	wordBlob []byte
	entries  []byte
	nWords   int
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
	blobLen := 0
	for i, w := range words {
		blobLen += len(w)
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
	b := make([]byte, 0, 8+4*len(words)+blobLen+typoEntrySize*len(entries))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(words)))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(entries)))
	end := 0
	for _, w := range words {
		end += len(w)
		b = binary.LittleEndian.AppendUint32(b, uint32(end))
	}
	for _, w := range words {
		b = append(b, w...)
	}
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
	t := &typoTable{nWords: int(binary.LittleEndian.Uint32(b)), nEntries: int(binary.LittleEndian.Uint32(b[4:]))}
	b = b[8:]
	if t.nWords > len(b)/4 {
		return nil, fmt.Errorf("%w: %d words in %d bytes", errTypoTable, t.nWords, len(b))
	}
	t.wordEnds, b = b[:4*t.nWords], b[4*t.nWords:]
	blobLen := 0
	for i := range t.nWords {
		end := int(binary.LittleEndian.Uint32(t.wordEnds[4*i:]))
		if end < blobLen || end > len(b) {
			return nil, fmt.Errorf("%w: word %d ends at %d", errTypoTable, i, end)
		}
		blobLen = end
	}
	t.wordBlob, b = b[:blobLen], b[blobLen:]
	if t.nEntries != len(b)/typoEntrySize || len(b)%typoEntrySize != 0 {
		return nil, fmt.Errorf("%w: %d entries in %d bytes", errTypoTable, t.nEntries, len(b))
	}
	t.entries = b
	return t, nil
}

// word returns the i-th word of the table, or "" if there is none.
func (t *typoTable) word(i uint32) string {
	if int(i) >= t.nWords {
		return ""
	}
	start := uint32(0)
	if i > 0 {
		start = binary.LittleEndian.Uint32(t.wordEnds[4*(i-1):])
	}
	end := binary.LittleEndian.Uint32(t.wordEnds[4*i:])
	if start > end || int(end) > len(t.wordBlob) {
		return ""
	}
	return string(t.wordBlob[start:end])
}

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
