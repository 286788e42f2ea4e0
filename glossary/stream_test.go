package glossary_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/exonym/exonym/glossary"
)

// streamAll checks and reads a stream whole, sorted by id as Load sorts.
func streamAll(t *testing.T, paths ...string) ([]glossary.Entity, glossary.StreamStats, error) {
	t.Helper()
	s, err := glossary.NewCSVStreamOS(paths...)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := s.Check(t.Context())
	if err != nil {
		return nil, stats, err
	}
	var all []glossary.Entity
	batches := 0
	err = s.Each(t.Context(), 2, func(es []glossary.Entity) error {
		if len(es) == 0 || len(es) > 2 {
			t.Errorf("a batch of %d entities: want 1 or 2", len(es))
		}
		batches++
		all = append(all, es...)
		return nil
	})
	slices.SortFunc(all, func(a, b glossary.Entity) int { return strings.Compare(a.ID, b.ID) })
	return all, stats, err
}

func TestCSVStreamMatchesLoad(t *testing.T) {
	want, err := glossary.Load(os.DirFS("testdata/good"), "persons.csv")
	if err != nil {
		t.Fatal(err)
	}
	got, stats, err := streamAll(t, "testdata/good/persons.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(want.Entities, got) {
		t.Errorf("streamed entities differ from loaded ones:\nload   %+v\nstream %+v", want.Entities, got)
	}
	if stats.Entities != len(want.Entities) || stats.Names != want.NameCount() {
		t.Errorf("stats = %+v, want %d entities, %d names", stats, len(want.Entities), want.NameCount())
	}
}

func TestCSVStreamReportsProblemsAsLoad(t *testing.T) {
	_, loadErr := glossary.Load(os.DirFS("testdata/bad"), "names.csv")
	_, _, err := streamAll(t, "testdata/bad/names.csv")
	var want, got *glossary.ValidationError
	if !errors.As(loadErr, &want) || !errors.As(err, &got) {
		t.Fatalf("Load: %v; stream: %v; want validation errors from both", loadErr, err)
	}
	msgs := func(ps []glossary.Problem) []string {
		var out []string
		for _, p := range ps {
			out = append(out, filepath.Base(p.File)+":"+p.String()[strings.Index(p.String(), ":")+1:])
		}
		return out
	}
	if diff := cmp.Diff(msgs(want.Problems), msgs(got.Problems)); diff != "" {
		t.Errorf("problems differ (-load +stream):\n%s", diff)
	}
}

func TestCSVStreamRowsApart(t *testing.T) {
	_, _, err := streamAll(t, "testdata/stream/apart.csv")
	if !errors.Is(err, glossary.ErrNotGrouped) {
		t.Fatalf("err = %v, want ErrNotGrouped", err)
	}
	// Load reads the same file whole.
	if _, err := glossary.Load(os.DirFS("testdata/stream"), "apart.csv"); err != nil {
		t.Fatal(err)
	}
}

func TestCSVStreamRefusesOtherFormats(t *testing.T) {
	if _, err := glossary.NewCSVStreamOS("testdata/good"); err == nil || !strings.Contains(err.Error(), "places.yaml") {
		t.Fatalf("NewCSVStreamOS(a folder with YAML) = %v, want an error naming places.yaml", err)
	}
}

func TestCSVStreamStopsOnCancel(t *testing.T) {
	s, err := glossary.NewCSVStreamOS("testdata/good/persons.csv")
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	if err := s.Each(t.Context(), 1, func([]glossary.Entity) error { return stop }); !errors.Is(err, stop) {
		t.Fatalf("Each = %v, want fn's error", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := s.Check(ctx); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("Check on a cancelled context = %v", err)
	}
}

// FuzzCSVStream checks the stream against Load on any input: when Load
// accepts a file, the stream accepts it too (or finds its rows apart) and
// hands over the same entities; when Load refuses it, so does the stream.
func FuzzCSVStream(f *testing.F) {
	for _, name := range []string{"testdata/good/persons.csv", "testdata/bad/names.csv", "testdata/stream/apart.csv"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "g.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		want, loadErr := glossary.Load(os.DirFS(dir), "g.csv")
		got, _, err := streamAll(t, path)
		switch {
		case errors.Is(err, glossary.ErrNotGrouped):
		case (loadErr == nil) != (err == nil):
			t.Fatalf("Load: %v; stream: %v", loadErr, err)
		case err == nil && (len(want.Entities) > 0 || len(got) > 0) && !reflect.DeepEqual(want.Entities, got):
			t.Fatalf("streamed entities differ from loaded ones:\nload   %+v\nstream %+v", want.Entities, got)
		}
	})
}
