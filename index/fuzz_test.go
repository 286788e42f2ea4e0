package index

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzResolve resolves arbitrary text against the seed glossary: no
// panic, no error, candidates best first with scores in [0, 1], and a
// resolved id, when there is one, that is the best candidate's. The
// corpus starts from the golden queries.
func FuzzResolve(f *testing.F) {
	if file, err := os.Open("testdata/queries.txt"); err == nil {
		sc := bufio.NewScanner(file)
		for sc.Scan() {
			f.Add(strings.Split(sc.Text(), "\t")[0])
		}
		file.Close()
	}
	f.Add("((((Kirkuk, Iraq), (Mosul ﴾الموصل﴿")
	f.Add("PKK's KDP-I' ’s ,,, ()")
	ix, err := seedIndex()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || len(text) > 1024 {
			return // the server refuses these before they reach the index
		}
		res, err := ix.Resolve(context.Background(), Query{Text: text, Limit: 10})
		if err != nil {
			t.Fatalf("Resolve(%q): %v", text, err)
		}
		for i, c := range res.Candidates {
			if c.Score < 0 || c.Score > 1 {
				t.Fatalf("Resolve(%q): candidate %s scores %v", text, c.EntityID, c.Score)
			}
			if i > 0 && c.Score > res.Candidates[i-1].Score {
				t.Fatalf("Resolve(%q): candidates not best first: %v", text, res.Candidates)
			}
		}
		if res.ResolvedID != "" && (len(res.Candidates) == 0 || res.Candidates[0].EntityID != res.ResolvedID) {
			t.Fatalf("Resolve(%q) resolved %s, not its best candidate: %v", text, res.ResolvedID, res.Candidates)
		}
	})
}
