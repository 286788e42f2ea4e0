package index

import (
	"slices"
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
		{"Airport", qualFacility},
		{"زانکۆی", qualFacility}, // the university of, Sorani
		{"militants", qualGroup},
		{"örgütü", qualGroup},    // organisation, Turkish
		{"چەکدارانی", qualGroup}, // the gunmen of, Sorani
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

func TestPartsOf(t *testing.T) {
	tests := []struct {
		text string
		want queryParts
	}{
		{"Kirkuk", queryParts{head: "Kirkuk"}},
		{"Kirkuk, Iraq", queryParts{head: "Kirkuk", after: []string{"Iraq"}}},
		{"Kirkuk (Kerkûk)", queryParts{head: "Kirkuk", bracketed: []string{"Kerkûk"}}},
		{"Erbil (Hewlêr), Kurdistan Region", queryParts{head: "Erbil", after: []string{"Kurdistan Region"}, bracketed: []string{"Hewlêr"}}},
		{"(Kerkûk)", queryParts{bracketed: []string{"Kerkûk"}}},
		{"تايوان، محافظة صينيّة", queryParts{head: "تايوان", after: []string{"محافظة صينيّة"}}},
	}
	for _, tt := range tests {
		got := partsOf(tt.text)
		if got.head != tt.want.head || !slices.Equal(got.after, tt.want.after) || !slices.Equal(got.bracketed, tt.want.bracketed) {
			t.Errorf("partsOf(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

func TestJoinableLengths(t *testing.T) {
	for _, tt := range []struct {
		a, b int
		want bool
	}{
		{7, 7, true}, {6, 7, true}, {8, 10, true}, {4, 7, true}, {3, 7, false}, {3, 10, false},
	} {
		if got := joinableLengths(tt.a, tt.b); got != tt.want {
			t.Errorf("joinableLengths(%d, %d) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestInOrder(t *testing.T) {
	for _, tt := range []struct {
		at   []int
		want bool
	}{
		{[]int{0, 1, 2}, true},
		{[]int{1, -1, 3}, true}, // a name's function word left out, an ezafe between
		{[]int{2, 0}, false},    // Jamal Jaafar Ibrahimi: Ibrahim before al-Jaafari
		{[]int{0, 4}, false},    // words scattered
		{[]int{-1, -1}, true},
	} {
		if got := inOrder(tt.at); got != tt.want {
			t.Errorf("inOrder(%v) = %v, want %v", tt.at, got, tt.want)
		}
	}
}

func TestAbbreviationInText(t *testing.T) {
	for _, tt := range []struct {
		text, abbr string
		want       bool
	}{
		{"Irak’ın kuzeyindeki terör örgütü PKK", "PKK", true},
		{"PKK'nin", "PKK", true},
		{"PKK-led", "PKK", true},
		{"ISIS-K", "ISIS", false}, // another name
		{"هێرشی چەکدارانی داعش", "داعش", true},
		{"Abd al-Mahdi", "ABD", false}, // written otherwise
		{"ABDULLAH", "ABD", false},     // inside a word
		{"the US army", "US", false},   // two letters
		{"", "PKK", false},
	} {
		if got := abbreviationInText(tt.text, tt.abbr); got != tt.want {
			t.Errorf("abbreviationInText(%q, %q) = %v, want %v", tt.text, tt.abbr, got, tt.want)
		}
	}
}

func TestGenitiveWords(t *testing.T) {
	for _, tt := range []struct {
		text string
		want uint64
	}{
		{"Irak’ın kuzeyindeki terör örgütü PKK", 1},
		{"the Kurdistan Region's Duhok province", 1 << 1}, // "the" dropped; the ending is on Region's
		{"IKBY’nin Erbil kentinin", 1},
		{"Kerkük'te", 0}, // a locative, not a genitive
		{"Kirkuk", 0},
	} {
		if got := genitiveWords(prepare(tt.text)); got != tt.want {
			t.Errorf("genitiveWords(%q) = %b, want %b (tokens %q)", tt.text, got, tt.want, prepare(tt.text).keys.Tokens)
		}
	}
}

func TestAbbreviationExtended(t *testing.T) {
	for _, tt := range []struct {
		text, abbr string
		want       bool
	}{
		{"KDP-I", "KDP", true},
		{"ISIS-K", "ISIS", true},
		{"KDP-led", "KDP", false},
		{"KDP", "KDP", false},
	} {
		if got := abbreviationExtended(tt.text, tt.abbr); got != tt.want {
			t.Errorf("abbreviationExtended(%q, %q) = %v, want %v", tt.text, tt.abbr, got, tt.want)
		}
	}
}

func TestBracketedPartMatch(t *testing.T) {
	for _, tt := range []struct {
		query, name string
		want        bool
	}{
		{"Burma", "Myanmar (Burma)", true},
		{"برمه", "میانمار (برمه)", true},
		{"DRC", "Congo (DRC)", true},
		{"Cocos Islands", "Cocos (Keeling) Islands", true},
		{"Republic", "Congo (Republic)", false}, // only a form of state
		{"Burma", "Myanmar", false},             // no brackets
		{"Myanmar Burma", "Myanmar (Burma)", false},
	} {
		if got := prepare(tt.query).bracketedPartMatch(tt.name).kind != MatchNone; got != tt.want {
			t.Errorf("bracketedPartMatch(%q, %q) = %v, want %v", tt.query, tt.name, got, tt.want)
		}
	}
}
