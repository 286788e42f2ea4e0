package index

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// snapshot reads an index generation below Bleve's query layer: a term's
// postings straight from the term dictionaries, a document's stored record
// straight from its segment. A name lookup is a handful of exact terms, for
// which Bleve's searchers (scoring, collectors, result documents) cost far
// more than the lookups themselves.
type snapshot struct {
	r bindex.IndexReader
	// segs and offsets locate a document number in scorch's segments:
	// offsets[i] is the first document number of segs[i].
	segs    []*scorch.SegmentSnapshot
	offsets []uint64
	// dicts keeps, by field, one pool per segment of that segment's term
	// dictionaries: opening one allocates a reader of its FST, and a name
	// lookup opens one per segment for each of its few terms. A dictionary
	// is used by one goroutine at a time.
	dicts map[string][]*sync.Pool
}

// pooledFields are the fields whose dictionaries are kept in pools: those
// every query looks terms up in.
var pooledFields = []string{fFolded, fStripped, fRomanised, fSkeleton, fTokens, fSkelTok, fSurname, fID}

func newSnapshot(idx bleve.Index) (*snapshot, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("index: reader: %w", err)
	}
	is, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		r.Close()
		return nil, fmt.Errorf("index: reader is a %T, not a scorch snapshot", r)
	}
	s := &snapshot{r: r, dicts: map[string][]*sync.Pool{}}
	var running uint64
	for _, seg := range is.Segments() {
		s.segs = append(s.segs, seg)
		s.offsets = append(s.offsets, running)
		running += seg.Segment().Count()
		if m, ok := seg.Segment().(interface{ Data() []byte }); ok {
			adviseRandom(m.Data())
		}
	}
	for _, field := range pooledFields {
		pools := make([]*sync.Pool, len(s.segs))
		for i, seg := range s.segs {
			pools[i] = &sync.Pool{New: func() any {
				d, err := seg.Segment().Dictionary(field)
				if err != nil {
					return err
				}
				return d
			}}
		}
		s.dicts[field] = pools
	}
	return s, nil
}

// pooledDictionary takes a term dictionary of field in segment i from its
// pool; the caller puts it back when done.
func pooledDictionary(pool *sync.Pool, field string, i int) (segment.TermDictionary, error) {
	got := pool.Get()
	dict, ok := got.(segment.TermDictionary)
	if !ok {
		return nil, fmt.Errorf("index: dictionary of %s in segment %d: %v", field, i, got)
	}
	return dict, nil
}

// segmentPostings calls fn with the document numbers holding term in field,
// segment by segment, at most limit of them (all when limit <= 0), and
// returns how many documents hold it in all. It reads the segments' term
// dictionaries directly, from their pools.
func (s *snapshot) segmentPostings(ctx context.Context, pools []*sync.Pool, field, term string, limit int, fn func(doc uint64)) (int, error) {
	key := []byte(term)
	count, n := 0, 0
	for i, seg := range s.segs {
		if err := ctx.Err(); err != nil {
			return count, err
		}
		dict, err := pooledDictionary(pools[i], field, i)
		if err != nil {
			return count, err
		}
		pl, err := dict.PostingsList(key, seg.Deleted(), nil)
		if err != nil {
			pools[i].Put(dict)
			return count, fmt.Errorf("index: term %s:%q: %w", field, term, err)
		}
		c := int(pl.Count())
		count += c
		if fn != nil && c > 0 && (limit <= 0 || n < limit) {
			it := pl.Iterator(false, false, false, nil)
			for limit <= 0 || n < limit {
				p, err := it.Next()
				if err != nil {
					pools[i].Put(dict)
					return count, fmt.Errorf("index: term %s:%q: %w", field, term, err)
				}
				if p == nil {
					break
				}
				fn(s.offsets[i] + p.Number())
				n++
			}
		}
		pools[i].Put(dict)
	}
	return count, nil
}

func (s *snapshot) close() error { return s.r.Close() }

// postings calls fn with the document numbers holding term in field, at
// most limit of them (all when limit <= 0), and returns how many documents
// hold it in all.
func (s *snapshot) postings(ctx context.Context, field, term string, limit int, fn func(doc uint64)) (int, error) {
	if pools, ok := s.dicts[field]; ok {
		return s.segmentPostings(ctx, pools, field, term, limit, fn)
	}
	return s.readerPostings(ctx, field, term, limit, fn)
}

// readerPostings is postings through Bleve's term field reader.
func (s *snapshot) readerPostings(ctx context.Context, field, term string, limit int, fn func(doc uint64)) (int, error) {
	tfr, err := s.r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return 0, fmt.Errorf("index: term %s:%q: %w", field, term, err)
	}
	defer tfr.Close()
	count := int(tfr.Count())
	if fn == nil || count == 0 {
		return count, nil
	}
	var tfd bindex.TermFieldDoc
	for n := 0; limit <= 0 || n < limit; n++ {
		d, err := tfr.Next(tfd.Reset())
		if err != nil {
			return count, fmt.Errorf("index: term %s:%q: %w", field, term, err)
		}
		if d == nil {
			break
		}
		fn(d.ID.Value())
	}
	return count, nil
}

// unseen returns the documents holding term in field, among the first
// limit of them, that are not in seen, and adds them to seen.
func (s *snapshot) unseen(ctx context.Context, field, term string, limit int, seen map[uint64]bool) ([]uint64, error) {
	var docs []uint64
	_, err := s.postings(ctx, field, term, limit, func(d uint64) {
		if !seen[d] {
			seen[d] = true
			docs = append(docs, d)
		}
	})
	return docs, err
}

// count returns how many documents hold term in field.
func (s *snapshot) count(ctx context.Context, field, term string) (int, error) {
	return s.postings(ctx, field, term, 0, nil)
}

// docOf returns the document number of an entity id.
func (s *snapshot) docOf(ctx context.Context, id string) (uint64, bool, error) {
	var doc uint64
	found := false
	_, err := s.postings(ctx, fID, id, 1, func(d uint64) { doc, found = d, true })
	return doc, found, err
}

// record returns the stored record of a document.
func (s *snapshot) record(doc uint64) ([]byte, error) {
	var rec []byte
	visit := func(field string, _ byte, val []byte, _ []uint64) bool {
		if field == fRecord {
			rec = append([]byte(nil), val...)
			return false
		}
		return true
	}
	i := sort.Search(len(s.offsets), func(i int) bool { return s.offsets[i] > doc }) - 1
	if i < 0 {
		return nil, fmt.Errorf("index: no document %d", doc)
	}
	if err := s.segs[i].VisitDocument(doc-s.offsets[i], visit); err != nil {
		return nil, fmt.Errorf("index: document %d: %w", doc, err)
	}
	if rec == nil {
		return nil, fmt.Errorf("index: document %d has no record", doc)
	}
	return rec, nil
}

// completions calls fn with the terms of a field that start with prefix,
// in dictionary order, at most limit of them, and the number of documents
// holding each.
func (s *snapshot) completions(field, prefix string, limit int, fn func(term string, count int)) error {
	dict, err := s.r.FieldDictPrefix(field, []byte(prefix))
	if err != nil {
		return err
	}
	defer dict.Close()
	for range limit {
		e, err := dict.Next()
		if err != nil {
			return err
		}
		if e == nil {
			break
		}
		fn(e.Term, int(e.Count))
	}
	return nil
}

// holding calls fn with each of docs (in ascending order) that holds term
// in field, seeking in the term's postings rather than reading them all: a
// common word's postings are long, the candidates few.
func (s *snapshot) holding(ctx context.Context, field, term string, docs []uint64, fn func(doc uint64)) error {
	if pools, ok := s.dicts[field]; ok {
		return s.segmentHolding(ctx, pools, field, term, docs, fn)
	}
	return s.readerHolding(ctx, field, term, docs, fn)
}

// segmentHolding is holding through the segments' pooled dictionaries:
// docs are split by segment, and each segment's postings are advanced
// through its own.
func (s *snapshot) segmentHolding(ctx context.Context, pools []*sync.Pool, field, term string, docs []uint64, fn func(doc uint64)) error {
	key := []byte(term)
	for i, seg := range s.segs {
		start := s.offsets[i]
		end := start + seg.Segment().Count()
		lo, _ := slices.BinarySearch(docs, start)
		hi, _ := slices.BinarySearch(docs, end)
		if lo == hi {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		dict, err := pooledDictionary(pools[i], field, i)
		if err != nil {
			return err
		}
		err = func() error {
			defer pools[i].Put(dict)
			pl, err := dict.PostingsList(key, seg.Deleted(), nil)
			if err != nil {
				return fmt.Errorf("index: term %s:%q: %w", field, term, err)
			}
			if pl.Count() == 0 {
				return nil
			}
			it := pl.Iterator(false, false, false, nil)
			// The iterator only moves forwards, and must be asked for a
			// document past the one it stands on.
			cur, started := uint64(0), false
			for _, d := range docs[lo:hi] {
				local := d - start
				if started && local < cur {
					continue
				}
				if !started || local > cur {
					p, err := it.Advance(local)
					if err != nil {
						return fmt.Errorf("index: term %s:%q: %w", field, term, err)
					}
					if p == nil {
						return nil
					}
					cur, started = p.Number(), true
				}
				if local == cur {
					fn(d)
				}
			}
			return nil
		}()
		if err != nil {
			return err
		}
	}
	return nil
}

// readerHolding is holding through Bleve's term field reader.
func (s *snapshot) readerHolding(ctx context.Context, field, term string, docs []uint64, fn func(doc uint64)) error {
	tfr, err := s.r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return fmt.Errorf("index: term %s:%q: %w", field, term, err)
	}
	defer tfr.Close()
	var tfd bindex.TermFieldDoc
	cur, started := uint64(0), false
	for _, d := range docs {
		// The reader only seeks forwards (backwards it starts over), so a
		// document before the one it stands on is known not to hold the
		// term.
		if started && d < cur {
			continue
		}
		if !started || d > cur {
			got, err := tfr.Advance(bindex.NewIndexInternalID(nil, d), tfd.Reset())
			if err != nil {
				return fmt.Errorf("index: term %s:%q: %w", field, term, err)
			}
			if got == nil {
				return nil
			}
			cur, started = got.ID.Value(), true
		}
		if d == cur {
			fn(d)
		}
	}
	return nil
}
