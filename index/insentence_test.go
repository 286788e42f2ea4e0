package index

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/internal/golden"
	"github.com/exonym/exonym/seeds"
)

// sentenceFrames are plain news sentences of each language a name is put
// in, by the kind of entity (a place, or whoever speaks): the name as its
// writers write it inside running text, with no ending (Kurmanji, which
// would inflect it, is left out).
var sentenceFrames = map[string][2]string{
	"en":  {"officials in %s said on Monday that", "%s said on Monday that"},
	"tr":  {"yetkililer dün %s hakkında açıklama yaptı", "%s dün bir açıklama yaptı"},
	"ar":  {"وقال مسؤولون في %s يوم الاثنين إن", "وقال %s يوم الاثنين إن"},
	"ckb": {"بەرپرسان لە %s ڕایانگەیاند کە", "%s ڕایگەیاند کە"},
	"fa":  {"مقامات در %s روز دوشنبه اعلام کردند که", "%s روز دوشنبه اعلام کرد که"},
}

// TestResolveInSentence resolves every name of the seed glossary (but its
// abbreviations) inside a sentence of its language and compares the
// answers with testdata/in-sentence.golden: a line per name, the entity's
// ID, the name, and what the sentence resolved to, marked "ok" when it is
// the entity itself, its capital, or ambiguous. A change to matching that
// loses or gains names in running text shows in the file's diff.
func TestResolveInSentence(t *testing.T) {
	g, err := glossary.Load(seeds.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	ix := openSeeds(t)
	capitals := map[string]string{} // a district or governorate: the town that is its capital
	for _, e := range g.Entities {
		for _, of := range e.Related("capital-of") {
			capitals[of] = e.ID
		}
	}
	var out bytes.Buffer
	ok, total := 0, 0
	for _, e := range g.Entities {
		capital := capitals[e.ID]
		for _, n := range e.Names {
			frames, known := sentenceFrames[n.Lang.String()]
			if !known || n.Kind == glossary.KindAbbreviation {
				continue
			}
			frame := frames[1]
			if e.Type == glossary.TypePlace {
				frame = frames[0]
			}
			res, err := ix.Resolve(t.Context(), Query{Text: fmt.Sprintf(frame, n.Text)})
			if err != nil {
				t.Fatalf("Resolve(%q in a sentence): %v", n.Text, err)
			}
			answer, mark := res.ResolvedID, ""
			switch {
			case answer == "" && res.Ambiguous:
				answer, mark = "(ambiguous)", "ok"
			case answer == "":
				answer = "(none)"
			case answer == e.ID || answer == capital:
				mark = "ok"
			}
			total++
			if mark == "ok" {
				ok++
			}
			fmt.Fprintf(&out, "%s\t%s\t%s\t%s\t%s\n", e.ID, n.Lang, n.Text, answer, mark)
		}
	}
	fmt.Fprintf(&out, "# %d of %d names answered in a sentence\n", ok, total)
	golden.Check(t, "in-sentence.golden", out.Bytes())
	if !strings.Contains(out.String(), "\tok\n") {
		t.Error("no name answered in a sentence")
	}
}
