package index

import (
	"context"
	"bufio"
	"os"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"github.com/exonym/exonym/glossary"
	"golang.org/x/text/language"
)

func TestProfTmp(t *testing.T) {
	gpath, dir, mode := os.Getenv("PROF_GLOSSARY"), os.Getenv("PROF_DIR"), os.Getenv("PROF_MODE")
	if gpath == "" {
		t.Skip()
	}
	fp, _ := glossary.FingerprintOS(gpath)
	src := Source{Fingerprint: fp, Load: func(context.Context) (*glossary.Glossary, error) { return glossary.Load(os.DirFS("/"), strings.TrimPrefix(gpath, "/")) }}
	ix, err := OpenSource(t.Context(), src, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	f, _ := os.Open(gpath[:len(gpath)-4] + ".queries.tsv")
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) >= 2 && p[0] == mode {
			qs = append(qs, p[1])
		}
	}
	run := func() {
		for _, q := range qs {
			switch mode {
			case "suggest":
				ix.Suggest(t.Context(), q, nil, language.Und, 10)
			case "search":
				ix.Search(t.Context(), Query{Text: q}, 0, 10)
			default:
				ix.Resolve(t.Context(), Query{Text: q})
			}
		}
	}
	run()
	pf, _ := os.Create("/tmp/prof-" + mode + ".out")
	pprof.StartCPUProfile(pf)
	start := time.Now()
	run()
	run()
	pprof.StopCPUProfile()
	t.Logf("%s: %d queries, %v per query", mode, len(qs), time.Since(start)/time.Duration(2*len(qs)))
}
