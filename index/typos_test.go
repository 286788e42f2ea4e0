package index

import (
	"slices"
	"testing"

	"github.com/exonym/exonym/normalize"
)

// nearWords returns the words of the table that share a form of the
// neighbourhood of q.
func nearWords(t *typoTable, q string) []string {
	var out []string
	for _, f := range neighbourhood(q) {
		t.near(f, 1000, func(i uint32) {
			if w := t.word(i); !slices.Contains(out, w) {
				out = append(out, w)
			}
		})
	}
	slices.Sort(out)
	return out
}

func TestTypoTable(t *testing.T) {
	words := []string{"kirkuk", "karkuk", "kerkuk", "hawler", "hewler", "silemani", "slemani", "sulaymaniyah", "mosul"}
	tab, err := decodeTypoTable(encodeTypoTable(words))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"kirkik", []string{"kirkuk"}}, // one letter changed
		{"kirkuk", []string{"karkuk", "kerkuk", "kirkuk"}},
		{"hawlr", []string{"hawler"}},                  // one dropped
		{"silemanii", []string{"silemani", "slemani"}}, // eight letters or more: two edits
		{"baghdad", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := nearWords(tab, tt.query); !slices.Equal(got, tt.want) {
			t.Errorf("near %q = %q, want %q", tt.query, got, tt.want)
		}
	}
	if got := tab.word(uint32(len(words))); got != "" {
		t.Errorf("word past the end = %q, want none", got)
	}
}

// TestTypoTableFindsEveryTypo checks the table against the definition: a
// word of the table is found from a query exactly when their deletion
// neighbourhoods share a form.
func TestTypoTableFindsEveryTypo(t *testing.T) {
	var words []string
	for _, name := range []string{"Kirkuk", "Erbil", "Hewlêr", "Sulaymaniyah", "Silêmanî", "Duhok", "Dihok", "Mosul", "Mûsil", "Halabja", "Helebce", "Khanaqin", "Xaneqîn", "Tuz Khurmatu"} {
		words = append(words, normalize.KeysOf(name).Tokens...)
	}
	words = slices.Compact(slices.Sorted(slices.Values(words)))
	tab, err := decodeTypoTable(encodeTypoTable(words))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range append(slices.Clone(words), "kirkik", "erbl", "slemani", "dhok", "xaneqin", "tuz", "halabjah") {
		var want []string
		for _, w := range words {
			shared := false
			for _, f := range neighbourhood(q) {
				shared = shared || slices.Contains(neighbourhood(w), f)
			}
			if shared {
				want = append(want, w)
			}
		}
		if got := nearWords(tab, q); !slices.Equal(got, want) {
			t.Errorf("near %q = %q, want %q", q, got, want)
		}
	}
}

func FuzzDecodeTypoTable(f *testing.F) {
	f.Add(encodeTypoTable([]string{"kirkuk", "hawler", "silemani"}))
	f.Add([]byte{})
	f.Add([]byte{1, 0, 0, 0, 1, 0, 0, 0, 9, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		tab, err := decodeTypoTable(b)
		if err != nil {
			return
		}
		for _, q := range []string{"kirkik", "hawlr", "silemanii", ""} {
			nearWords(tab, q)
		}
		for i := range tab.words.n + 1 {
			tab.word(uint32(i))
		}
	})
}
