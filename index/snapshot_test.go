package index

import (
	"context"
	"slices"
	"testing"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/normalize"
	"github.com/exonym/exonym/seeds"
)

// TestSegmentPostings checks postings and holding, read from the segments'
// pooled dictionaries, against Bleve's term field reader, on an index of
// the seeds built in small batches so that it has several segments.
func TestSegmentPostings(t *testing.T) {
	g, err := glossary.Load(seeds.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	idx, _, err := build(ctx, t.TempDir(), glossaryFeed(g, false), buildOptions{batchSize: 20, keepSegments: true})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	s, err := newSnapshot(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	if len(s.segs) < 2 {
		t.Fatalf("the index has %d segment(s), want several", len(s.segs))
	}
	checked := 0
	for _, e := range g.Entities[:60] {
		for _, n := range e.Names {
			k := normalize.KeysOf(n.Text)
			terms := map[string][]string{fFolded: {k.Folded}, fRomanised: k.Romanised, fTokens: k.Tokens, fID: {e.ID}}
			for field, ts := range terms {
				for _, term := range ts {
					for _, limit := range []int{0, 1} {
						var got, want []uint64
						gn, err := s.postings(ctx, field, term, limit, func(d uint64) { got = append(got, d) })
						if err != nil {
							t.Fatal(err)
						}
						wn, err := s.readerPostings(ctx, field, term, limit, func(d uint64) { want = append(want, d) })
						if err != nil {
							t.Fatal(err)
						}
						if gn != wn || !slices.Equal(got, want) {
							t.Fatalf("postings %s:%q limit %d = %d %v, Bleve's reader %d %v", field, term, limit, gn, got, wn, want)
						}
						checked++
					}
					// holding, on every other document and on every one.
					var all []uint64
					for d := range uint64(s.offsets[len(s.offsets)-1] + s.segs[len(s.segs)-1].Segment().Count()) {
						all = append(all, d)
					}
					for _, docs := range [][]uint64{all, everyOther(all)} {
						var got, want []uint64
						if err := s.holding(ctx, field, term, docs, func(d uint64) { got = append(got, d) }); err != nil {
							t.Fatal(err)
						}
						if err := s.readerHolding(ctx, field, term, docs, func(d uint64) { want = append(want, d) }); err != nil {
							t.Fatal(err)
						}
						if !slices.Equal(got, want) {
							t.Fatalf("holding %s:%q = %v, Bleve's reader %v", field, term, got, want)
						}
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no terms checked")
	}
	t.Logf("%d segments, %d lookups compared", len(s.segs), checked)
}

// TestBuildMergesToOneSegment checks that a build in many batches ends
// with one segment, which every term lookup visits alone.
func TestBuildMergesToOneSegment(t *testing.T) {
	g, err := glossary.Load(seeds.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(t.Context(), g, Options{Dir: t.TempDir(), BatchSize: 20})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n := len(ix.snap.segs); n != 1 {
		t.Errorf("the index has %d segments, want 1", n)
	}
}

func everyOther(docs []uint64) []uint64 {
	var out []uint64
	for i := 1; i < len(docs); i += 2 {
		out = append(out, docs[i])
	}
	return out
}
