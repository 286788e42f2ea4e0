package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/normalize"
)

// An entity is stored in its index document as one record: the entity as
// the glossary gives it, and the match keys of each of its names, so that
// ranking a candidate costs a decode rather than a normalisation of every
// name. The encoding is a version byte, then strings and counts as
// uvarint-prefixed bytes, in the order encodeRecord writes them.
const recordVersion = 1

// entry is an entity as ranking needs it: the entity, the keys of each of
// its names (keys[i] belongs to e.Names[i]) and what ranking needs to know
// of its type.
type entry struct {
	e    glossary.Entity
	keys []normalize.Keys
	kind entityKind
}

// encodeRecord writes the record of e, whose names have the given keys.
func encodeRecord(e *glossary.Entity, keys []normalize.Keys) []byte {
	w := recordWriter{b: make([]byte, 0, 512)}
	w.b = append(w.b, recordVersion)
	w.str(e.ID)
	w.str(e.Type.String())
	w.str(e.Subtype)
	w.num(len(e.Names))
	for i, n := range e.Names {
		w.str(n.Text)
		w.str(n.Lang.String())
		w.num(int(n.Kind))
		w.str(n.Note)
		k := keys[i]
		w.str(k.Canonical)
		w.str(k.Folded)
		w.strs(k.Stripped)
		w.strs(k.Romanised)
		w.strs(k.Skeleton)
		w.strs(k.Tokens)
		w.strs(k.SkeletonTokens)
	}
	w.pairs(e.Descriptions)
	w.num(len(e.Relations))
	for _, r := range e.Relations {
		w.str(r.Type)
		w.str(r.Target)
	}
	w.pairs(e.ExternalIDs)
	w.strs(e.Sources)
	return w.b
}

type recordWriter struct{ b []byte }

func (w *recordWriter) num(n int)    { w.b = binary.AppendUvarint(w.b, uint64(n)) }
func (w *recordWriter) str(s string) { w.num(len(s)); w.b = append(w.b, s...) }

func (w *recordWriter) strs(ss []string) {
	w.num(len(ss))
	for _, s := range ss {
		w.str(s)
	}
}

// pairs writes a map as its keys and values in key order.
func (w *recordWriter) pairs(m map[string]string) {
	keys := slices.Sorted(maps.Keys(m))
	w.num(len(keys))
	for _, k := range keys {
		w.str(k)
		w.str(m[k])
	}
}

// errRecord is returned for a stored record that does not decode: an index
// written by another version, or damaged on disk.
var errRecord = errors.New("stored entity record is damaged")

// recordReader decodes a record; the first problem sticks in err and every
// later read returns zero values, so decodeRecord checks once at the end.
type recordReader struct {
	b   []byte
	err error
}

func (r *recordReader) num() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > uint64(len(r.b)) {
		// No count or length in a record exceeds its size.
		r.err = errRecord
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

// uvarint reads a number that is not a count or length, which may exceed
// the bytes left.
func (r *recordReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errRecord
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *recordReader) str() string {
	n := r.num()
	if r.err != nil {
		return ""
	}
	if n > len(r.b) {
		r.err = errRecord
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *recordReader) strs() []string {
	n := r.num()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *recordReader) pairs() map[string]string {
	n := r.num()
	if n == 0 {
		return nil
	}
	m := make(map[string]string, n)
	for range n {
		k := r.str()
		m[k] = r.str()
	}
	return m
}

// decodeRecord is the inverse of encodeRecord. tags parses language tags,
// which records repeat (a cache, as parsing is not free).
func decodeRecord(b []byte, tags *tagCache) (*entry, error) {
	if len(b) == 0 || b[0] != recordVersion {
		return nil, errRecord
	}
	r := recordReader{b: b[1:]}
	var en entry
	e := &en.e
	e.ID = r.str()
	typ, terr := glossary.ParseType(r.str())
	e.Type = typ
	e.Subtype = r.str()
	n := r.num()
	e.Names = make([]glossary.Name, 0, n)
	en.keys = make([]normalize.Keys, 0, n)
	var lerr error
	for range n {
		if r.err != nil {
			break
		}
		nm := glossary.Name{Text: r.str()}
		lang := r.str()
		nm.Kind = glossary.Kind(r.num())
		nm.Note = r.str()
		if tag, err := tags.parse(lang); err != nil {
			lerr = err
		} else {
			nm.Lang = tag
		}
		k := normalize.Keys{Canonical: r.str(), Folded: r.str()}
		k.Stripped, k.Romanised, k.Skeleton = r.strs(), r.strs(), r.strs()
		k.Tokens, k.SkeletonTokens = r.strs(), r.strs()
		e.Names = append(e.Names, nm)
		en.keys = append(en.keys, k)
	}
	e.Descriptions = r.pairs()
	if nr := r.num(); nr > 0 {
		e.Relations = make([]glossary.Relation, nr)
		for i := range e.Relations {
			e.Relations[i] = glossary.Relation{Type: r.str(), Target: r.str()}
		}
	}
	e.ExternalIDs = r.pairs()
	e.Sources = r.strs()
	switch {
	case r.err != nil:
		return nil, r.err
	case len(r.b) != 0:
		return nil, fmt.Errorf("%w: %d bytes left over", errRecord, len(r.b))
	case terr != nil:
		return nil, fmt.Errorf("%w: %v", errRecord, terr)
	case lerr != nil:
		return nil, fmt.Errorf("%w: %v", errRecord, lerr)
	}
	en.kind = kindOf(e, en.keys)
	return &en, nil
}
