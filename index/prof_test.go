package index

import (
	"bufio"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/exonym/exonym/glossary"
	"golang.org/x/text/language"
)

func TestProf(t *testing.T) {
	dir, gl, qf, wl := os.Getenv("PROF_DIR"), os.Getenv("PROF_GLOSSARY"), os.Getenv("PROF_QUERIES"), os.Getenv("PROF_WORKLOAD")
	if dir == "" {
		t.Skip()
	}
	fp, _ := glossary.FingerprintOS(gl)
	ix, err := OpenSource(t.Context(), Source{Fingerprint: fp, Load: func(ctx context.Context) (*glossary.Glossary, error) {
		l := glossary.NewLoader(nil)
		if err := l.AddOS(gl); err != nil {
			return nil, err
		}
		return l.Glossary()
	}}, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	f, _ := os.Open(qf)
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) > 1 && p[0] == wl {
			qs = append(qs, p[1])
		}
	}
	if len(qs) == 0 {
		t.Fatal(errors.New("no queries"))
	}
	for i := 0; i < 3000; i++ {
		if wl == "suggest" {
			ix.Suggest(t.Context(), qs[i%len(qs)], nil, language.Und, 10)
		} else if wl == "search" {
			ix.Search(t.Context(), Query{Text: qs[i%len(qs)]}, 0, 10)
		} else {
			ix.Resolve(t.Context(), Query{Text: qs[i%len(qs)]})
		}
	}
}
