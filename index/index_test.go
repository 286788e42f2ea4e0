package index

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/language"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/internal/golden"
	"github.com/exonym/exonym/normalize"
	"github.com/exonym/exonym/seeds"
)

// seedIndex is built once for the tests that only read.
var seedIndex = sync.OnceValues(func() (*Index, error) {
	g, err := glossary.Load(seeds.FS, ".")
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "exonym-index-test-")
	if err != nil {
		return nil, err
	}
	return Open(context.Background(), g, Options{Dir: dir})
})

func openSeeds(t *testing.T) *Index {
	t.Helper()
	ix, err := seedIndex()
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestMain(m *testing.M) {
	code := m.Run()
	if ix, err := seedIndex(); err == nil {
		dir := ix.opts.Dir
		ix.Close()
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// TestResolveGolden resolves the names of testdata/queries.txt (one per
// line, optionally followed by a tab and a type) and compares the answers
// with testdata/resolve.golden.
func TestResolveGolden(t *testing.T) {
	ix := openSeeds(t)
	data, err := os.ReadFile("testdata/queries.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, typ, _ := strings.Cut(line, "\t")
		q := Query{Text: name, Limit: 3}
		if typ != "" {
			tt, err := glossary.ParseType(typ)
			if err != nil {
				t.Fatal(err)
			}
			q.Types = []glossary.Type{tt}
		}
		res, err := ix.Resolve(t.Context(), q)
		if err != nil {
			t.Fatalf("Resolve(%+q): %v", name, err)
		}
		answer := res.ResolvedID
		switch {
		case answer == "" && res.Ambiguous:
			answer = "(ambiguous)"
		case answer == "":
			answer = "(none)"
		}
		fmt.Fprintf(&out, "%s\t%s\t%s\n", line, answer, candidatesLine(res.Candidates))
	}
	golden.Check(t, "resolve.golden", out.Bytes())
}

func candidatesLine(cs []Candidate) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, fmt.Sprintf("%s %.2f %s", c.EntityID, c.Score, c.Match))
	}
	return strings.Join(parts, "; ")
}

// TestSelfResolution resolves every name of the seed glossary: it must
// resolve to its own entity, or be reported ambiguous when the glossary
// lists it for several entities (or the seat rule prefers the capital).
func TestSelfResolution(t *testing.T) {
	ix := openSeeds(t)
	g, _ := glossary.Load(seeds.FS, ".")
	owners := map[string][]string{}
	for _, e := range g.Entities {
		for _, n := range e.Names {
			k := normalize.Folded(n.Text)
			if !slices.Contains(owners[k], e.ID) {
				owners[k] = append(owners[k], e.ID)
			}
		}
	}
	failed := 0
	for _, e := range g.Entities {
		for _, n := range e.Names {
			res, err := ix.Resolve(t.Context(), Query{Text: n.Text})
			if err != nil {
				t.Fatal(err)
			}
			shared := owners[normalize.Folded(n.Text)]
			switch {
			case res.ResolvedID == e.ID:
			case len(shared) > 1 && (res.Ambiguous || slices.Contains(shared, res.ResolvedID)):
			default:
				failed++
				t.Errorf("%s: %+q resolved to %q (ambiguous %v); candidates %s", e.ID, n.Text, res.ResolvedID, res.Ambiguous, candidatesLine(res.Candidates))
			}
		}
	}
	if failed > 0 {
		t.Logf("%d of %d names do not resolve to their entity", failed, g.NameCount())
	}
}

func TestReopenReusesIndex(t *testing.T) {
	g, err := glossary.Load(os.DirFS("../glossary/testdata"), "good")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	ix, err := Open(t.Context(), g, Options{Dir: dir, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	// A second process (here, a second Open) is kept out while it is open.
	if _, err := Open(t.Context(), g, Options{Dir: dir}); !errors.Is(err, ErrLocked) {
		t.Errorf("second Open = %v, want ErrLocked", err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), `reason="no index yet"`) {
		t.Errorf("first open did not say why it built:\n%s", logs.String())
	}

	logs.Reset()
	ix, err = Open(t.Context(), g, Options{Dir: dir, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if strings.Contains(logs.String(), "building index") || !strings.Contains(logs.String(), "index opened") {
		t.Errorf("reopening an unchanged glossary rebuilt it:\n%s", logs.String())
	}

	logs.Reset()
	city, _ := g.Get("place/sulaymaniyah")
	city.Names = append(city.Names, glossary.Name{Text: "Silêmanî", Lang: city.Names[0].Lang, Kind: glossary.KindAlias})
	ix, err = Open(t.Context(), g, Options{Dir: dir, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !strings.Contains(logs.String(), `reason="glossary or index format changed"`) {
		t.Errorf("a changed glossary was not rebuilt with a reason:\n%s", logs.String())
	}
	res, err := ix.Resolve(t.Context(), Query{Text: "Silêmanî"})
	if err != nil || res.ResolvedID != "place/sulaymaniyah" {
		t.Errorf("after rebuild, Resolve(Silêmanî) = %+v, %v", res, err)
	}
	gens, _ := filepath.Glob(filepath.Join(dir, "gen-*"))
	if len(gens) != 1 {
		t.Errorf("%d index generations left in %s, want 1", len(gens), dir)
	}
}

// TestOpenSurvivesBrokenCurrent checks that an index directory whose live
// generation was lost (a crash, a disk cleaner) is rebuilt, not fatal.
func TestOpenSurvivesBrokenCurrent(t *testing.T) {
	g, err := glossary.Load(os.DirFS("../glossary/testdata"), "good")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "CURRENT"), []byte("gen-missing\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(t.Context(), g, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if res, _ := ix.Resolve(t.Context(), Query{Text: "Slemani"}); res.ResolvedID != "place/sulaymaniyah" {
		t.Errorf("Resolve(Slemani) = %+v", res)
	}
}

func TestTypeFilter(t *testing.T) {
	ix := openSeeds(t)
	for _, tt := range []struct {
		name string
		typ  glossary.Type
		want string
	}{
		{"Suleimani", glossary.TypePerson, "person/qasem-soleimani"},
		{"Sulaimani", glossary.TypePlace, "place/sulaymaniyah"},
		{"سليماني", glossary.TypePerson, "person/qasem-soleimani"},
	} {
		res, err := ix.Resolve(t.Context(), Query{Text: tt.name, Types: []glossary.Type{tt.typ}})
		if err != nil {
			t.Fatal(err)
		}
		if res.ResolvedID != tt.want {
			t.Errorf("Resolve(%+q, %v) = %q, want %q (%s)", tt.name, tt.typ, res.ResolvedID, tt.want, candidatesLine(res.Candidates))
		}
	}
}

func TestSuggest(t *testing.T) {
	ix := openSeeds(t)
	for _, tt := range []struct{ prefix, want string }{
		{"Sula", "place/sulaymaniyah"},
		{"سلێ", "place/sulaymaniyah"},
		{"كرك", "place/kirkuk"},
		{"Hewl", "place/erbil"},
		{"Peshm", "org/peshmerga"},
		{"Altun Kupri", "place/altun-kupri"}, // a whole name of several words
		{"Kirkuk", "place/kirkuk"},
	} {
		got, err := ix.Suggest(t.Context(), tt.prefix, nil, language.Und, 10)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, s := range got {
			ids = append(ids, s.EntityID)
		}
		if !slices.Contains(ids, tt.want) {
			t.Errorf("Suggest(%+q) = %v, want it to include %s", tt.prefix, ids, tt.want)
		}
	}
}

func TestCompare(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"Qassem Suleimani", "قاسم سليماني", true},
		{"Slemani", "سلێمانی", true},
		{"Hewlêr", "هەولێر", true},
		{"Kirkuk", "Mosul", false},
		{"Paris", "Persia", false},
		// Words that romanise alike but are written apart: the villages
		// are not Akre (either way round); Akre with a proclitic, and
		// al-Daur in Latin letters, are the names. (دور and الدور are the
		// same name for Compare, which keeps the better of its two
		// directions: a name with the article meets one without it, as
		// Persian and Sorani drop it.)
		{"القرى", "عقرة", false},
		{"عقرة", "القرى", false},
		{"وعقرة", "عقرة", true},
		{"Al-Dour", "الدور", true},
	} {
		c := Compare(tt.a, tt.b, glossary.TypeUnknown)
		if c.Same != tt.same {
			t.Errorf("Compare(%+q, %+q) = %+v, want same=%v", tt.a, tt.b, c, tt.same)
		}
	}
}

// TestConcurrentResolve resolves from many goroutines at once, so that the
// race detector sees any state shared between queries.
func TestConcurrentResolve(t *testing.T) {
	ix := openSeeds(t)
	names := []string{"Kerkûk", "Altınköprü", "السليمانية", "Kikuk", "Talabani", "Şêxan", "Sulaimani province"}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				if _, err := ix.Resolve(t.Context(), Query{Text: names[(w+i)%len(names)]}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestOpenSourceSkipsLoad checks that an index built for a fingerprint is
// opened again without loading the glossary: a restart on an unchanged
// glossary parses nothing.
func TestOpenSourceSkipsLoad(t *testing.T) {
	g, err := glossary.Load(os.DirFS("../glossary/testdata"), "good")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	loads := 0
	src := Source{Fingerprint: "fp-1", Load: func(context.Context) (*glossary.Glossary, error) {
		loads++
		return g, nil
	}}
	for range 2 {
		ix, err := OpenSource(t.Context(), src, Options{Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		if ix.Len() != len(g.Entities) || ix.NameCount() != g.NameCount() {
			t.Errorf("index holds %d entities and %d names, want %d and %d", ix.Len(), ix.NameCount(), len(g.Entities), g.NameCount())
		}
		if res, _ := ix.Resolve(t.Context(), Query{Text: "Slemani"}); res.ResolvedID != "place/sulaymaniyah" {
			t.Errorf("Resolve(Slemani) = %+v", res)
		}
		ix.Close()
	}
	if loads != 1 {
		t.Errorf("glossary loaded %d times, want once", loads)
	}
	src.Fingerprint = "fp-2"
	src.Load = func(context.Context) (*glossary.Glossary, error) { return nil, errors.New("bad file") }
	if _, err := OpenSource(t.Context(), src, Options{Dir: dir}); err == nil || !strings.Contains(err.Error(), "bad file") {
		t.Errorf("a changed glossary that fails to load: err = %v", err)
	}
}

// TestSuggestTable checks the table of short prefixes against the key
// dictionaries: for every prefix of one to three letters of a seed name,
// each suggestion the table gives is a completion of the prefix, and the
// table gives at least as many as the dictionaries (which read a bounded
// number of terms).
func TestSuggestTable(t *testing.T) {
	ix := openSeeds(t)
	g, err := glossary.Load(seeds.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	answered := 0
	defer func() {
		if answered < len(seen)/2 {
			t.Errorf("the table answered %d of %d prefixes", answered, len(seen))
		}
	}()
	for _, e := range g.Entities {
		for _, n := range e.Names {
			for _, p := range shortPrefixes(normalize.Canonical(n.Text), maxTablePrefix) {
				if seen[p] {
					continue
				}
				seen[p] = true
				k := normalize.KeysOf(p)
				fromTable, ok, err := ix.suggestFromTable(t.Context(), prefixTerms(k), nil, language.Und, 10)
				if err != nil {
					t.Fatal(err)
				}
				if !ok {
					// A key longer than the table's prefixes: the romanised
					// form of an Arabic-script prefix often is.
					if normalize.Script(p) == "Latn" {
						t.Errorf("suggestFromTable(%q) did not answer", p)
					}
					continue
				}
				answered++
				tab := ix.prefixes
				ix.prefixes = nil
				fromDict, err := ix.Suggest(t.Context(), p, nil, language.Und, 10)
				ix.prefixes = tab
				if err != nil {
					t.Fatal(err)
				}
				if len(fromTable) < len(fromDict) {
					t.Errorf("Suggest(%q): %d from the table, %d from the dictionaries", p, len(fromTable), len(fromDict))
				}
				for _, s := range fromTable {
					nk := normalize.KeysOf(s.Text)
					if !strings.HasPrefix(nk.Folded, k.Folded) && !hasPrefixAny(nk.Stripped, k.Stripped) && !hasPrefixAny(nk.Romanised, k.Romanised) {
						t.Errorf("Suggest(%q) from the table: %q does not complete it", p, s.Text)
					}
				}
			}
		}
	}
}

func TestDecodePrefixTableRejectsGarbage(t *testing.T) {
	b := newPrefixBuilder()
	b.add(prefixEntry{kind: 'f', prefix: "kir", id: "place/kirkuk", name: 0, rank: 6})
	good := b.encode()
	tab, err := decodePrefixTable(good)
	if err != nil {
		t.Fatal(err)
	}
	if l := tab.list("fkir"); len(l) != 1 || tab.id(l[0].id) != "place/kirkuk" || l[0].rank != 6 {
		t.Fatalf("list(fkir) = %+v", l)
	}
	if l := tab.list("fki"); l != nil {
		t.Fatalf("list(fki) = %+v, want none", l)
	}
	// Cut short anywhere, the table is refused or answers nothing wrong.
	for i := range len(good) {
		tab, err := decodePrefixTable(good[:i])
		if err != nil {
			continue
		}
		for _, r := range tab.list("fkir") {
			if tab.id(r.id) != "place/kirkuk" && tab.id(r.id) != "" {
				t.Errorf("table of %d of %d bytes: list(fkir) = %+v", i, len(good), r)
			}
		}
	}
}

// TestOpenStreamed builds an index from a CSV glossary streamed batch by
// batch, and from the same glossary loaded whole, and checks that both
// answer alike; a glossary whose rows are apart is loaded whole instead.
func TestOpenStreamed(t *testing.T) {
	path := "../glossary/testdata/good/persons.csv"
	g, err := glossary.Load(os.DirFS("../glossary/testdata/good"), "persons.csv")
	if err != nil {
		t.Fatal(err)
	}
	stream, err := glossary.NewCSVStreamOS(path)
	if err != nil {
		t.Fatal(err)
	}
	loadCalled := false
	src := Source{Fingerprint: "streamed", Stream: stream, Load: func(context.Context) (*glossary.Glossary, error) {
		loadCalled = true
		return g, nil
	}}
	streamed, err := OpenSource(t.Context(), src, Options{Dir: t.TempDir(), BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer streamed.Close()
	if loadCalled {
		t.Error("Load was called for a glossary that can be streamed")
	}
	loaded, err := Open(t.Context(), g, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer loaded.Close()
	if streamed.Len() != loaded.Len() || streamed.NameCount() != loaded.NameCount() {
		t.Errorf("streamed %d entities, %d names; loaded %d, %d", streamed.Len(), streamed.NameCount(), loaded.Len(), loaded.NameCount())
	}
	for _, e := range g.Entities {
		for _, n := range e.Names {
			a, err := streamed.Resolve(t.Context(), Query{Text: n.Text})
			if err != nil {
				t.Fatal(err)
			}
			b, err := loaded.Resolve(t.Context(), Query{Text: n.Text})
			if err != nil {
				t.Fatal(err)
			}
			if a.ResolvedID != b.ResolvedID || a.Ambiguous != b.Ambiguous {
				t.Errorf("Resolve(%q): streamed %q (ambiguous %v), loaded %q (ambiguous %v)", n.Text, a.ResolvedID, a.Ambiguous, b.ResolvedID, b.Ambiguous)
			}
		}
	}

	apart, err := glossary.NewCSVStreamOS("../glossary/testdata/stream/apart.csv")
	if err != nil {
		t.Fatal(err)
	}
	ga, err := glossary.Load(os.DirFS("../glossary/testdata/stream"), "apart.csv")
	if err != nil {
		t.Fatal(err)
	}
	loadCalled = false
	src = Source{Fingerprint: "apart", Stream: apart, Load: func(context.Context) (*glossary.Glossary, error) {
		loadCalled = true
		return ga, nil
	}}
	ix, err := OpenSource(t.Context(), src, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !loadCalled || ix.Len() != 2 {
		t.Errorf("rows apart: Load called %v, %d entities; want Load and 2", loadCalled, ix.Len())
	}
}

// shortPrefixes returns the prefixes of s of one to longest letters.
func shortPrefixes(s string, longest int) []string {
	var out []string
	eachPrefix(s, longest, func(p string) { out = append(out, p) })
	return out
}
