package index

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/exonym/exonym/glossary"
)

// TestSearchPagesAgree checks that the pages of one Search, asked for one
// by one, are the slices of one ranking: no candidate twice, none skipped,
// the same total on every page, on a glossary where a family name
// has more holders than a Search scores.
func TestSearchPagesAgree(t *testing.T) {
	ix := openEntities(t, manyEntities("person/p%03d", glossary.TypePerson, "Given%03d Talabani", 3*searchWordHits))
	for _, query := range []string{"Talabani", "Talabany", "Tallabani"} {
		all, total, err := ix.Search(t.Context(), Query{Text: query}, 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if total == 0 || total != len(all) {
			t.Fatalf("Search(%q): %d candidates, total %d", query, len(all), total)
		}
		var paged []string
		for offset := 0; offset < total; offset += 7 {
			page, pageTotal, err := ix.Search(t.Context(), Query{Text: query}, offset, 7)
			if err != nil {
				t.Fatal(err)
			}
			if pageTotal != total {
				t.Fatalf("Search(%q) at offset %d: total %d, want %d", query, offset, pageTotal, total)
			}
			for _, c := range page {
				paged = append(paged, c.EntityID)
			}
		}
		var want []string
		for _, c := range all {
			want = append(want, c.EntityID)
		}
		if !slices.Equal(paged, want) {
			t.Errorf("Search(%q) page by page = %v, want %v", query, paged, want)
		}
	}
}

// TestSearchSkipsCommonSkeleton checks that a Search still finds the name a
// query misspells when the query's skeleton is shared by more names than a
// Search scores (it skips that skeleton rather than score an arbitrary
// few of its holders), and lists none of those holders.
func TestSearchSkipsCommonSkeleton(t *testing.T) {
	ents := []glossary.Entity{{
		ID: "place/iraq", Type: glossary.TypePlace,
		Names: []glossary.Name{{Text: "Iraq", Lang: language.English, Kind: glossary.KindPreferred}},
	}}
	for i := range searchKeyHits + 20 {
		ents = append(ents, glossary.Entity{
			ID: fmt.Sprintf("place/p%03d", i), Type: glossary.TypePlace,
			Names: []glossary.Name{{Text: "Rak", Lang: language.English, Kind: glossary.KindPreferred}},
		})
	}
	ix := openEntities(t, ents)
	got, total, err := ix.Search(t.Context(), Query{Text: "Irak"}, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if total == 0 || got[0].EntityID != "place/iraq" {
		t.Fatalf("Search(Irak) = %v (total %d), want place/iraq first", got, total)
	}
	for _, c := range got[1:] {
		if c.Score >= got[0].Score {
			t.Errorf("Search(Irak): %s scores %v, as much as Iraq", c.EntityID, c.Score)
		}
	}
}

// openEntities indexes ents in a temporary directory, closed when the test
// ends.
func openEntities(t *testing.T, ents []glossary.Entity) *Index {
	t.Helper()
	g, err := glossary.New(ents)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(t.Context(), g, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestSearchQualifierWords checks that a Search for words that qualify
// names elsewhere (Islamic, Democratic, Republic) lists the names that hold
// them, while a query of function words alone lists nothing, and Resolve
// takes none of them for the answer.
func TestSearchQualifierWords(t *testing.T) {
	ix := openSeeds(t)
	tests := []struct {
		query string
		want  []string // among the candidates
	}{
		{"Islamic", []string{"org/islamic-state", "org/kurdistan-islamic-union", "org/dawa-party"}},
		{"Democratic", []string{"org/kdp", "org/pyd", "org/sdf"}},
		{"Republic", []string{"place/iraq", "place/iran", "place/syria"}},
		{"الإسلامي", []string{"org/kurdistan-islamic-union"}},
		{"the", nil},
		{"of the", nil},
	}
	for _, tt := range tests {
		cands, total, err := ix.Search(t.Context(), Query{Text: tt.query}, 0, 50)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, c := range cands {
			ids = append(ids, c.EntityID)
		}
		if tt.want == nil && total != 0 {
			t.Errorf("Search(%q) = %v, want nothing", tt.query, ids)
		}
		for _, id := range tt.want {
			if !slices.Contains(ids, id) {
				t.Errorf("Search(%q) = %v, want %s among them", tt.query, ids, id)
			}
		}
		res, err := ix.Resolve(t.Context(), Query{Text: tt.query})
		if err != nil {
			t.Fatal(err)
		}
		if res.ResolvedID != "" {
			t.Errorf("Resolve(%q) = %s, want no answer", tt.query, res.ResolvedID)
		}
	}
}

// TestSearchCommonWord checks that a Search for a word many names share
// lists those it scores, though each scores below the Candidate floor: a
// word that common says little of which name is meant, and every name
// holding it is still a match.
func TestSearchCommonWord(t *testing.T) {
	ix := openEntities(t, manyEntities("org/o%03d", glossary.TypeOrganization, "Front%03d Islamic Movement", 3*searchWordHits))
	cands, total, err := ix.Search(t.Context(), Query{Text: "Islamic"}, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if total < searchWordHits || len(cands) != 10 {
		t.Fatalf("Search(Islamic): %d candidates of %d, want a page of at least %d", len(cands), total, searchWordHits)
	}
	for _, c := range cands {
		if c.Score >= ix.Thresholds.Candidate {
			t.Errorf("Search(Islamic): %s scores %.2f; the test wants a word common enough to score below the floor", c.EntityID, c.Score)
		}
	}
}

// manyEntities makes n entities of type typ, the i-th with the id and the
// English name that idFormat and nameFormat give for i.
func manyEntities(idFormat string, typ glossary.Type, nameFormat string, n int) []glossary.Entity {
	ents := make([]glossary.Entity, 0, n)
	for i := range n {
		ents = append(ents, glossary.Entity{
			ID: fmt.Sprintf(idFormat, i), Type: typ,
			Names: []glossary.Name{{Text: fmt.Sprintf(nameFormat, i), Lang: language.English, Kind: glossary.KindPreferred}},
		})
	}
	return ents
}
