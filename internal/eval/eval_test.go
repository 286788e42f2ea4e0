package eval

import (
	"context"
	"strings"
	"testing"
)

func TestParseAndRun(t *testing.T) {
	rows, err := Parse(strings.NewReader("# comment\nplace/kirkuk\tKirkuk\t\t\tseed\n-\tParis\n~\tTalabani\tPERSON\ten\n"), "x.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[2].Type.String() != "PERSON" || rows[2].Lang != "en" || rows[0].Line != 2 {
		t.Fatalf("rows = %+v", rows)
	}
	answers := map[string]Answer{
		"Kirkuk":   {ResolvedID: "place/kirkuk", TopID: "place/kirkuk", Match: "exact"},
		"Paris":    {ResolvedID: "place/iran", TopID: "place/iran", Match: "skeleton"},
		"Talabani": {Ambiguous: true},
	}
	rep, err := Run(context.Background(), rows, func(_ context.Context, r Row) (Answer, error) { return answers[r.Query], nil })
	if err != nil {
		t.Fatal(err)
	}
	if rep.All.OK != 2 || rep.All.Wrong != 1 || rep.All.Resolved != 2 || rep.All.Correct != 1 {
		t.Errorf("tally = %+v", rep.All)
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"only-one-column\n", "place/x\tname\tCITY\n", "\tname\n"} {
		if _, err := Parse(strings.NewReader(in), "bad.tsv"); err == nil || !strings.HasPrefix(err.Error(), "bad.tsv:1:") {
			t.Errorf("Parse(%q) error = %v, want bad.tsv:1: ...", in, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("place/kirkuk\tKirkuk\tPLACE\ten\tsource\n-\tParis\n")
	f.Fuzz(func(t *testing.T, s string) {
		rows, err := Parse(strings.NewReader(s), "f.tsv")
		if err != nil {
			return
		}
		for _, r := range rows {
			if r.Want == "" || r.Query == "" {
				t.Fatalf("row with empty field: %+v", r)
			}
		}
	})
}
