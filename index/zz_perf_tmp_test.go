package index

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/exonym/exonym/glossary"
)

func TestZZPerf(t *testing.T) {
	dir := os.Getenv("ZZ_DIR")
	if dir == "" {
		t.Skip()
	}
	ctx := context.Background()
	g, err := glossary.Load(os.DirFS("/"), strings.TrimPrefix(dir+"/g.csv", "/"))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(ctx, g, Options{Dir: dir + "/idx"})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	f, _ := os.Open(dir + "/q.tsv")
	sc := bufio.NewScanner(f)
	work := map[string][]string{}
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) >= 2 && !strings.HasPrefix(p[0], "#") {
			work[p[0]] = append(work[p[0]], p[1])
		}
	}
	only := os.Getenv("ZZ_ONLY")
	var prof *os.File
	if pf := os.Getenv("ZZ_PROF"); pf != "" {
		prof, _ = os.Create(pf)
	}
	for _, w := range []string{"resolve-exact", "resolve-folded", "resolve-romanised", "resolve-skeleton", "resolve-fuzzy", "resolve-miss", "search"} {
		if only != "" && only != w {
			continue
		}
		qs := work[w]
		run := func() []time.Duration {
			var ds []time.Duration
			for _, q := range qs {
				st := time.Now()
				if w == "search" {
					ix.Search(ctx, Query{Text: q}, 0, 10)
				} else {
					ix.Resolve(ctx, Query{Text: q})
				}
				ds = append(ds, time.Since(st))
			}
			return ds
		}
		run()
		if prof != nil {
			pprof.StartCPUProfile(prof)
		}
		var all []time.Duration
		for range 3 {
			all = append(all, run()...)
		}
		if prof != nil {
			pprof.StopCPUProfile()
		}
		if os.Getenv("ZZ_SLOW") != "" {
			type qd struct{ q string; d time.Duration }
			var per []qd
			for _, q := range qs {
				st := time.Now()
				for range 5 { ix.Resolve(ctx, Query{Text: q}) }
				per = append(per, qd{q, time.Since(st) / 5})
			}
			slices.SortFunc(per, func(a, b qd) int { return int(b.d - a.d) })
			for _, x := range per[:15] { fmt.Printf("  %v %q\n", x.d, x.q) }
		}
		slices.Sort(all)
		var sum time.Duration
		for _, d := range all {
			sum += d
		}
		fmt.Printf("%-18s n=%d p50=%v p90=%v p99=%v mean=%v\n", w, len(all), all[len(all)/2], all[len(all)*9/10], all[len(all)*99/100], sum/time.Duration(len(all)))
	}
}

func TestZZOne(t *testing.T) {
	dir, q := os.Getenv("ZZ_DIR"), os.Getenv("ZZ_Q")
	if dir == "" || q == "" {
		t.Skip()
	}
	ctx := context.Background()
	g, err := glossary.Load(os.DirFS("/"), strings.TrimPrefix(dir+"/g.csv", "/"))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(ctx, g, Options{Dir: dir + "/idx"})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ix.Resolve(ctx, Query{Text: q})
	pf, _ := os.Create(os.Getenv("ZZ_PROF"))
	pprof.StartCPUProfile(pf)
	st := time.Now()
	for range 1000 {
		ix.Resolve(ctx, Query{Text: q})
	}
	pprof.StopCPUProfile()
	fmt.Println("per query", time.Since(st)/1000)
	r, _ := ix.Resolve(ctx, Query{Text: q, Explain: false})
	fmt.Println(len(r.Candidates))
}
