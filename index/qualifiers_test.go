package index

import (
	"testing"

	"github.com/exonym/exonym/normalize"
)

func TestQualifierOf(t *testing.T) {
	tests := []struct {
		word string
		want qualifierClass
	}{
		{"Republic", qualState},
		{"جمهورية", qualState},
		{"Komara", qualState},
		{"Keyatiya", qualState}, // Kurmanji kingdom, with its ezafe
		{"Mîrtiyên", qualState}, // emirates, with the plural's ezafe
		{"Gelê", qualState},     // people, with the ezafe
		{"Cumhuriyeti", qualState},
		{"الوزراء", qualTitle},    // (prime) minister, Arabic
		{"Serokwezîr", qualTitle}, // prime minister, Kurmanji
		{"Başbakanı", qualTitle},
		{"Governorate", qualProvince},
		{"شارۆچکەی", qualCity}, // the town of, Sorani
		{"ناوچەی", qualCity},   // the area of, Sorani
		{"منطقة", qualCity},    // area, Arabic
		{"ناحية", qualCity},    // the sub-district named after its town
		{"Balad", qualNone},    // a town, not بلدة (town)
		{"قضاء", qualDistrict},
		{"Girava", qualIsland},
		{"and", qualFunction},
		{"Kirkuk", qualNone},
		{"Yemen", qualNone},
		{"Sweden", qualNone},
	}
	for _, tt := range tests {
		tokens := normalize.KeysOf(tt.word).Tokens
		if len(tokens) != 1 {
			t.Fatalf("KeysOf(%q).Tokens = %q, want one word", tt.word, tokens)
		}
		if got := qualifierOf(tokens[0]); got != tt.want {
			t.Errorf("qualifierOf(%q, romanised %q) = %v, want %v", tt.word, tokens[0], got, tt.want)
		}
	}
}

// TestWordMatchJoinsWords checks that a word written as two on one side
// and as one on the other meets, and that joining finds no chance
// likeness between unrelated words.
func TestWordMatchJoinsWords(t *testing.T) {
	tests := []struct {
		query, name string
		all         bool // every word of both met
	}{
		{"Viet Nam", "Vietnam", true},
		{"Socialist Republic of Viet Nam", "Vietnam", true}, // forms of state are left out for a country
		{"عادل عبدالمهدي", "عادل عبد المهدي", true},
		{"Abubakr al-Baghdadi", "Abu Bakr al-Baghdadi", true},
		{"Kirk Douglas", "Kirkuk", false},
		{"Sheikh Jangi", "Sheikhjangi", false}, // a title is not half of a name
	}
	info := func(string) float64 { return 1 }
	for _, tt := range tests {
		p := prepare(tt.query)
		m := p.wordMatch(normalize.KeysOf(tt.name), entityKind{place: true, subtype: "country"}, info)
		if got := m.kind == MatchFuzzy; got != tt.all {
			t.Errorf("wordMatch(%q, %q) = %v (score %.3f), want every word met: %v", tt.query, tt.name, m.kind, m.score, tt.all)
		}
	}
}
