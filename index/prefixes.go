package index

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
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
	id   uint32 // index in prefixTable.ids
	name uint32 // index of the name in the entity
	rank uint32
}

// prefixTable holds the best completions of every short prefix, by key
// kind ('f' folded, 's' stripped, 'r' romanised) and prefix.
type prefixTable struct {
	ids   []string
	lists map[string][]prefixRef
}

// Key kinds of the table, with the rank each adds: a name the prefix
// starts as written (folded) comes first, then one it starts without its
// article, then one it starts only once both are romanised.
var tableKinds = []struct {
	kind byte
	rank uint32
}{{'f', 0}, {'s', 1000}, {'r', 2000}}

// nameRank is the prior of a name as a completion: its length in letters,
// plus 100 for a name that is not its entity's preferred one.
func nameRank(n glossary.Name) uint32 {
	r := uint32(utf8.RuneCountInString(n.Text))
	if n.Kind != glossary.KindPreferred {
		r += 100
	}
	return r
}

// prefixEntry is a completion of one prefix, as the build finds it.
type prefixEntry struct {
	key  string // kind byte + prefix
	id   string
	name uint32
	rank uint32
}

// namePrefixes returns the table entries of one entity's names: each
// prefix of up to maxTablePrefix letters of each key, once per entity
// with its best name.
func namePrefixes(e *glossary.Entity, keys []normalize.Keys) []prefixEntry {
	best := map[string]prefixEntry{}
	for i, n := range e.Names {
		if n.Kind == glossary.KindMisspelling {
			continue
		}
		base := nameRank(n)
		k := keys[i]
		for _, tk := range tableKinds {
			var forms []string
			switch tk.kind {
			case 'f':
				forms = []string{k.Folded}
			case 's':
				forms = k.Stripped
			case 'r':
				forms = k.Romanised
			}
			longest := maxTablePrefix
			if tk.kind == 'r' {
				longest = maxTableRomanised
			}
			for _, form := range forms {
				for _, p := range shortPrefixes(form, longest) {
					key := string(tk.kind) + p
					rank := base + tk.rank
					if old, ok := best[key]; ok && old.rank <= rank {
						continue
					}
					best[key] = prefixEntry{key: key, id: e.ID, name: uint32(i), rank: rank}
				}
			}
		}
	}
	out := make([]prefixEntry, 0, len(best))
	for _, k := range slices.Sorted(maps.Keys(best)) {
		out = append(out, best[k])
	}
	return out
}

// shortPrefixes returns the prefixes of s of one to longest letters.
func shortPrefixes(s string, longest int) []string {
	var out []string
	n := 0 // letters before byte i
	for i := range s {
		if n > 0 {
			out = append(out, s[:i])
		}
		if n == longest {
			return out
		}
		n++
	}
	if n > 0 {
		out = append(out, s)
	}
	return out
}

// prefixBuilder collects the best completions of every short prefix while
// the index is built.
type prefixBuilder struct {
	lists map[string][]prefixEntry // by key, best first, at most tableSize
}

func newPrefixBuilder() *prefixBuilder {
	return &prefixBuilder{lists: map[string][]prefixEntry{}}
}

// add keeps e among its prefix's best completions if it ranks there.
func (b *prefixBuilder) add(e prefixEntry) {
	list := b.lists[e.key]
	if len(list) == tableSize && compareEntries(e, list[len(list)-1]) >= 0 {
		return
	}
	at, _ := slices.BinarySearchFunc(list, e, compareEntries)
	list = slices.Insert(list, at, e)
	if len(list) > tableSize {
		list = list[:tableSize]
	}
	b.lists[e.key] = list
}

// compareEntries orders completions by rank, then entity id.
func compareEntries(x, y prefixEntry) int {
	return cmp.Or(cmp.Compare(x.rank, y.rank), cmp.Compare(x.id, y.id))
}

// encode writes the table: the entity ids its lists hold, then each prefix
// with its completions, all lengths and numbers as uvarints.
func (b *prefixBuilder) encode() []byte {
	index := map[string]uint32{}
	var ids []string
	keys := slices.Sorted(maps.Keys(b.lists))
	for _, k := range keys {
		for _, e := range b.lists[k] {
			if _, ok := index[e.id]; !ok {
				index[e.id] = uint32(len(ids))
				ids = append(ids, e.id)
			}
		}
	}
	buf := binary.AppendUvarint(nil, uint64(len(ids)))
	for _, id := range ids {
		buf = binary.AppendUvarint(buf, uint64(len(id)))
		buf = append(buf, id...)
	}
	buf = binary.AppendUvarint(buf, uint64(len(keys)))
	for _, k := range keys {
		buf = binary.AppendUvarint(buf, uint64(len(k)))
		buf = append(buf, k...)
		list := b.lists[k]
		buf = binary.AppendUvarint(buf, uint64(len(list)))
		for _, e := range list {
			buf = binary.AppendUvarint(buf, uint64(index[e.id]))
			buf = binary.AppendUvarint(buf, uint64(e.name))
			buf = binary.AppendUvarint(buf, uint64(e.rank))
		}
	}
	return buf
}

var errPrefixTable = errors.New("malformed prefix table")

// decodePrefixTable reads what prefixBuilder.encode wrote.
func decodePrefixTable(b []byte) (*prefixTable, error) {
	r := &recordReader{b: b}
	n := r.num()
	t := &prefixTable{ids: make([]string, 0, min(n, len(b))), lists: map[string][]prefixRef{}}
	for range n {
		t.ids = append(t.ids, r.str())
	}
	keys := r.num()
	for range keys {
		k := r.str()
		m := r.num()
		list := make([]prefixRef, 0, min(m, tableSize))
		for range m {
			id, name, rank := r.uvarint(), r.uvarint(), r.uvarint()
			if r.err == nil && (id >= uint64(len(t.ids)) || name > 1<<31 || rank > 1<<31) {
				return nil, fmt.Errorf("%w: id %d of %d", errPrefixTable, id, len(t.ids))
			}
			list = append(list, prefixRef{id: uint32(id), name: uint32(name), rank: uint32(rank)})
		}
		t.lists[k] = list
	}
	if r.err != nil {
		return nil, fmt.Errorf("%w: %v", errPrefixTable, r.err)
	}
	return t, nil
}
