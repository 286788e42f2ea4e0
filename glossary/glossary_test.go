package glossary_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/internal/golden"
	"github.com/exonym/exonym/normalize"
	"github.com/exonym/exonym/seeds"
)

func TestLoadGood(t *testing.T) {
	g, err := glossary.Load(os.DirFS("testdata"), "good")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entities) != 3 || g.NameCount() != 9 {
		t.Fatalf("loaded %d entities and %d names, want 3 and 9", len(g.Entities), g.NameCount())
	}
	e, ok := g.Get("person/qasem-soleimani")
	if !ok || e.Type != glossary.TypePerson || e.DisplayName() != "Qasem Soleimani" || e.Names[1].Note != "seed article spelling" {
		t.Errorf("CSV entity = %+v", e)
	}
	var out strings.Builder
	for _, c := range g.Collisions(normalize.Folded) {
		fmt.Fprintf(&out, "%s\t%s\t%s\n", c.Key, strings.Join(c.Names, "|"), strings.Join(c.Entities, " "))
	}
	golden.Check(t, "good.collisions", []byte(out.String()))
}

// TestLoadBad checks that every problem is reported at once, each with its
// file and line.
func TestLoadBad(t *testing.T) {
	_, err := glossary.Load(os.DirFS("testdata"), "bad")
	var verr *glossary.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("Load(bad) error = %v, want a *ValidationError", err)
	}
	golden.Check(t, "bad.problems", []byte(verr.Error()+"\n"))
}

func TestLoadOSPathsInMessages(t *testing.T) {
	l := glossary.NewLoader(nil)
	if err := l.AddOS("testdata/bad/syntax.yaml"); err != nil {
		t.Fatal(err)
	}
	_, err := l.Glossary()
	if err == nil || !strings.HasPrefix(err.Error(), "testdata/bad/syntax.yaml:") {
		t.Errorf("error = %v, want it to start with the path as given", err)
	}
	if err := l.AddOS("testdata/missing.yaml"); err == nil || !strings.Contains(err.Error(), "testdata/missing.yaml") {
		t.Errorf("missing file error = %v, want it to name the file", err)
	}
}

func TestHashIgnoresOrderAndFiles(t *testing.T) {
	a, err := glossary.Load(os.DirFS("testdata/good"), "places.yaml", "persons.csv")
	if err != nil {
		t.Fatal(err)
	}
	b, err := glossary.Load(os.DirFS("testdata/good"), "persons.csv", "places.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if a.Hash() != b.Hash() {
		t.Error("the same content loaded in another order hashes differently")
	}
	b.Entities[0].Names[0].Text += "x"
	if a.Hash() == b.Hash() {
		t.Error("a changed name does not change the hash")
	}
}

// TestSeeds checks that the embedded glossary loads with no problem.
func TestSeeds(t *testing.T) {
	g, err := glossary.Load(seeds.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entities) < 200 {
		t.Errorf("the seed glossary has %d entities, want at least 200", len(g.Entities))
	}
	for _, e := range g.Entities {
		for _, n := range e.Names {
			if n.Lang.String() == "ckb" && n.Kind == glossary.KindPreferred && strings.ContainsAny(n.Text, "يك") {
				t.Errorf("%s: Sorani preferred name %q uses an Arabic look-alike letter (ي or ك)", e.ID, n.Text)
			}
		}
	}
}

func FuzzLoadYAML(f *testing.F) {
	for _, name := range []string{"testdata/good/places.yaml", "testdata/bad/entities.yaml", "testdata/bad/syntax.yaml"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := glossary.Load(fstest.MapFS{"g.yaml": {Data: data}}, "g.yaml")
		if err == nil && g == nil {
			t.Fatal("no glossary and no error")
		}
	})
}

func FuzzLoadCSV(f *testing.F) {
	for _, name := range []string{"testdata/good/persons.csv", "testdata/bad/names.csv"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := glossary.Load(fstest.MapFS{"g.csv": {Data: data}}, "g.csv")
		if err == nil && g == nil {
			t.Fatal("no glossary and no error")
		}
	})
}

func TestFingerprint(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/good/places.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "places.yaml")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	first, err := glossary.FingerprintOS(dir)
	if err != nil {
		t.Fatal(err)
	}
	again, err := glossary.FingerprintOS(file)
	if err != nil {
		t.Fatal(err)
	}
	if first != again {
		t.Errorf("a folder and its one file fingerprint differently: %s, %s", first, again)
	}
	if err := os.WriteFile(file, append(src, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	if changed, _ := glossary.FingerprintOS(dir); changed == first {
		t.Error("an edited file kept its fingerprint")
	}
	if _, err := glossary.FingerprintOS(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("a missing file: err = %v, want one naming it", err)
	}
	if fp, err := glossary.Fingerprint(os.DirFS("testdata"), "good"); err != nil || fp == "" {
		t.Errorf("Fingerprint(testdata/good) = %q, %v", fp, err)
	}
}

// TestLoadYAMLDecoderPanic checks that input on which the YAML library
// panics (found by FuzzLoadYAML) is a problem with file and line.
func TestLoadYAMLDecoderPanic(t *testing.T) {
	_, err := glossary.Load(fstest.MapFS{"g.yaml": {Data: []byte("names:\n    ! 0000000000")}}, "g.yaml")
	var verr *glossary.ValidationError
	if !errors.As(err, &verr) || !strings.Contains(err.Error(), "g.yaml:1:") || !strings.Contains(err.Error(), "cannot be read") {
		t.Fatalf("Load = %v, want a validation problem at g.yaml:1", err)
	}
}
