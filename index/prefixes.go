package index

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/normalize"
)

// Short prefixes complete to too many names to rank at query time: "kur"
// begins tens of thousands of keys in a large glossary. The build keeps,
// for every prefix of up to maxTablePrefix letters of every name's folded,
// stripped and romanised keys, the tableSize best completions by their
// prior (preferred names first, then shorter ones, then stricter keys), and
// Suggest reads them from this table. Longer prefixes, which few names
// share, are completed from the key dictionaries.
const (
	maxTablePrefix = 3
	tableSize      = 10
	// maxTableRomanised is the longest romanised prefix in the table: the
	// romanised key of a three-letter prefix has more letters where one
	// letter is written with two (Xan khan, Şam sham) or Arabic script
	// leaves vowels out.
	maxTableRomanised = 6
)

// prefixRef is one completion in the table: a name of an entity, with its
// rank (lower is better; see nameRank).
type prefixRef struct {
	id   uint32 // index of the entity id in the table
	name uint32 // index of the name in the entity
	rank uint32
}

// prefixTable holds the best completions of every short prefix, by key
// kind ('f' folded, 's' stripped, 'r' romanised) and prefix, read in place
// from its encoding (see prefixBuilder.encode): opening an index decodes
// nothing, and the table is one block of memory without pointers.
type prefixTable struct {
	ids     packedStrings // the entity ids the entries refer to by index
	starts  []byte        // nKeys little-endian uint32: the start of each entry in entries
	entries []byte
	nKeys   int
}

// Key kinds of the table, with the rank each adds: a name the prefix
// starts as written (folded) comes first, then one it starts without its
// article, then one it starts only once both are romanised.
var tableKinds = []struct {
	kind    byte
	field   string // the key field of the same keys
	rank    uint32
	longest int // letters of the longest prefix kept
}{{'f', fFolded, 0, maxTablePrefix}, {'s', fStripped, 1000, maxTablePrefix}, {'r', fRomanised, 2000, maxTableRomanised}}

// tableKindOf returns the table's kind of a key field and the letters of
// its longest prefix in the table.
func tableKindOf(field string) (byte, int) {
	for _, tk := range tableKinds {
		if tk.field == field {
			return tk.kind, tk.longest
		}
	}
	return 0, 0
}

// nameRank is the prior of a name as a completion: its length in letters,
// plus 100 for a name that is not its entity's preferred one.
func nameRank(n glossary.Name) uint32 {
	r := uint32(utf8.RuneCountInString(n.Text))
	if n.Kind != glossary.KindPreferred {
		r += 100
	}
	return r
}

// prefixEntry is a completion of one prefix, as the build finds it. The
// prefix is a substring of the name's key, so making entries allocates
// little.
type prefixEntry struct {
	kind   byte
	prefix string
	id     string
	name   uint32
	rank   uint32
}

// namePrefixes returns the table entries of one entity's names: each
// prefix of up to maxTablePrefix letters of each key (maxTableRomanised for
// romanised keys).
func namePrefixes(e *glossary.Entity, keys []normalize.Keys) []prefixEntry {
	out := make([]prefixEntry, 0, 16*len(e.Names))
	for i, n := range e.Names {
		if n.Kind == glossary.KindMisspelling {
			continue
		}
		base := nameRank(n)
		k := keys[i]
		for _, tk := range tableKinds {
			forms := k.Stripped
			switch tk.kind {
			case 'f':
				forms = []string{k.Folded}
			case 'r':
				forms = k.Romanised
			}
			for _, form := range forms {
				eachPrefix(form, tk.longest, func(p string) {
					out = append(out, prefixEntry{kind: tk.kind, prefix: p, id: e.ID, name: uint32(i), rank: base + tk.rank})
				})
			}
		}
	}
	// The same prefix of several names of the entity is left to the
	// builder, which keeps the entity once per prefix, at its best rank.
	return slices.Clone(out) // the batch keeps these until it is indexed
}

// eachPrefix calls fn with each prefix of s of one to longest letters.
func eachPrefix(s string, longest int, fn func(string)) {
	n := 0 // letters before byte i
	for i := range s {
		if n > 0 {
			fn(s[:i])
		}
		if n == longest {
			return
		}
		n++
	}
	if n > 0 {
		fn(s)
	}
}

// prefixBuilder collects the best completions of every short prefix while
// the index is built.
type prefixBuilder struct {
	lists map[string]*[]prefixEntry // by key, best first, at most tableSize
	key   []byte                    // reused to look keys up
}

func newPrefixBuilder() *prefixBuilder {
	return &prefixBuilder{lists: map[string]*[]prefixEntry{}}
}

// add keeps e among its prefix's best completions if it ranks there.
func (b *prefixBuilder) add(e prefixEntry) {
	b.key = append(append(b.key[:0], e.kind), e.prefix...)
	list := b.lists[string(b.key)] // looking up by the buffer allocates nothing
	if list == nil {
		list = &[]prefixEntry{}
		b.lists[string(b.key)] = list
	}
	l := *list
	if len(l) == tableSize && compareEntries(e, l[len(l)-1]) >= 0 {
		return
	}
	// The entity once per prefix, with its best name.
	if i := slices.IndexFunc(l, func(x prefixEntry) bool { return x.id == e.id }); i >= 0 {
		if compareEntries(e, l[i]) >= 0 && !(e.rank == l[i].rank && e.name < l[i].name) {
			return
		}
		l = slices.Delete(l, i, i+1)
	}
	at, _ := slices.BinarySearchFunc(l, e, compareEntries)
	l = slices.Insert(l, at, e)
	if len(l) > tableSize {
		l = l[:tableSize]
	}
	*list = l
}

// compareEntries orders completions by rank, then entity id.
func compareEntries(x, y prefixEntry) int {
	return cmp.Or(cmp.Compare(x.rank, y.rank), cmp.Compare(x.id, y.id))
}

// encode writes the table in four sections, each sized by the one before:
// the number of ids (uint32) and the end of each id in the ids' bytes
// (uint32 each), the ids' bytes; the number of prefixes and the start of
// each prefix's entry (uint32 each), the entries. An entry is the prefix
// (its length as a uvarint, then its bytes) and its completions (their
// number, then the id's index, the name's index and the rank of each, as
// uvarints). Prefixes are in byte order, for binary search.
func (b *prefixBuilder) encode() []byte {
	index := map[string]uint32{}
	var ids []string
	keys := slices.Sorted(maps.Keys(b.lists))
	for _, k := range keys {
		for _, e := range *b.lists[k] {
			if _, ok := index[e.id]; !ok {
				index[e.id] = uint32(len(ids))
				ids = append(ids, e.id)
			}
		}
	}
	buf := binary.LittleEndian.AppendUint32(nil, uint32(len(ids)))
	buf = appendPackedStrings(buf, ids)
	var entries []byte
	starts := make([]uint32, 0, len(keys))
	for _, k := range keys {
		starts = append(starts, uint32(len(entries)))
		entries = binary.AppendUvarint(entries, uint64(len(k)))
		entries = append(entries, k...)
		list := *b.lists[k]
		entries = binary.AppendUvarint(entries, uint64(len(list)))
		for _, e := range list {
			entries = binary.AppendUvarint(entries, uint64(index[e.id]))
			entries = binary.AppendUvarint(entries, uint64(e.name))
			entries = binary.AppendUvarint(entries, uint64(e.rank))
		}
	}
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(keys)))
	for _, st := range starts {
		buf = binary.LittleEndian.AppendUint32(buf, st)
	}
	return append(buf, entries...)
}

var errPrefixTable = errors.New("malformed prefix table")

// decodePrefixTable checks the sections of an encoded table and returns
// the table reading them in place. The entries are checked when read.
func decodePrefixTable(b []byte) (*prefixTable, error) {
	t := &prefixTable{}
	n, rest, ok := cutCount(b)
	if !ok {
		return nil, fmt.Errorf("%w: ids", errPrefixTable)
	}
	if t.ids, rest, ok = cutPackedStrings(rest, n); !ok {
		return nil, fmt.Errorf("%w: ids", errPrefixTable)
	}
	n, rest, ok = cutCount(rest)
	if !ok || uint64(len(rest)) < 4*uint64(n) {
		return nil, fmt.Errorf("%w: prefixes", errPrefixTable)
	}
	t.nKeys, t.starts, t.entries = n, rest[:4*n], rest[4*n:]
	return t, nil
}

// cutCount reads a uint32 count from the start of b.
func cutCount(b []byte) (int, []byte, bool) {
	if len(b) < 4 {
		return 0, nil, false
	}
	return int(binary.LittleEndian.Uint32(b)), b[4:], true
}

// id returns the entity id at index i, or "" if there is none.
func (t *prefixTable) id(i uint32) string { return t.ids.at(i) }

// list returns the completions of a prefix key (kind byte + prefix), best
// first; none for a prefix the table lacks or an entry it cannot read.
func (t *prefixTable) list(key string) []prefixRef {
	i, found := sort.Find(t.nKeys, func(i int) int {
		k, _, _ := t.entry(i)
		return strings.Compare(key, k)
	})
	if !found {
		return nil
	}
	_, refs, ok := t.entry(i)
	if !ok {
		return nil
	}
	return refs
}

// entry reads the i-th entry: its prefix key and its completions.
func (t *prefixTable) entry(i int) (string, []prefixRef, bool) {
	start := binary.LittleEndian.Uint32(t.starts[4*i:])
	if int(start) > len(t.entries) {
		return "", nil, false
	}
	r := &recordReader{b: t.entries[start:]}
	key := r.str()
	n := r.num()
	refs := make([]prefixRef, 0, min(n, tableSize))
	for range n {
		id, name, rank := r.uvarint(), r.uvarint(), r.uvarint()
		if r.err != nil || id >= uint64(t.ids.n) || name > 1<<31 || rank > 1<<31 {
			return key, nil, false
		}
		refs = append(refs, prefixRef{id: uint32(id), name: uint32(name), rank: uint32(rank)})
	}
	return key, refs, r.err == nil
}
