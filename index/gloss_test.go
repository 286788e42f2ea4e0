package index

import (
	"testing"

	"github.com/exonym/exonym/normalize"
)

func TestGlossOf(t *testing.T) {
	for _, tt := range []struct{ word, want string }{
		{"travailleurs", "workers"},
		{"État", "state"},
		{"Kräfte", "forces"},
		{"Movilización", "mobilization"},
		{"Partei", "party"},
		{"Kurdistan", ""}, // written alike: no gloss needed
		{"party", ""},     // English itself
	} {
		word := normalize.KeysOf(tt.word).Tokens[0]
		want := ""
		if tt.want != "" {
			want = normalize.KeysOf(tt.want).Tokens[0]
		}
		if got := glossOf(word); got != want {
			t.Errorf("glossOf(%q) = %q, want %q", word, got, want)
		}
	}
}

// TestGlossesAreWords checks that no gloss is empty, and that a foreign
// word read as a qualifier glosses a word of the same class: a qualifier
// meets only words of its own class (islamica, read as a form of Islamic,
// meets islamic).
func TestGlossesAreWords(t *testing.T) {
	for foreign, en := range glosses() {
		if foreign == "" || en == "" {
			t.Errorf("empty gloss %q → %q", foreign, en)
		}
		if c := qualifierOf(foreign); c != qualNone && c != qualifierOf(en) {
			t.Errorf("%q is a qualifier of class %d, its gloss %q of class %d", foreign, c, en, qualifierOf(en))
		}
	}
}
