package index

import (
	"context"
	"slices"
	"testing"
)

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

func TestGenitiveWords(t *testing.T) {
	for _, tt := range []struct {
		text string
		want uint64
	}{
		{"Irak’ın kuzeyindeki terör örgütü PKK", 1},
		{"the Kurdistan Region's Duhok province", 1 << 1}, // "the" dropped; the ending is on Region's
		{"IKBY’nin Erbil kentinin", 1},
		{"Kerkük'te", 0},              // a locative, not a genitive
		{"ISIS-held Mosul", 1},        // a compound adjective's name
		{"the KDP-led government", 1}, // "the" dropped
		{"KDP-led", 0},                // nothing follows it
		{"Kirkuk", 0},
	} {
		if got := genitiveWords(prepare(tt.text)); got != tt.want {
			t.Errorf("genitiveWords(%q) = %b, want %b (tokens %q)", tt.text, got, tt.want, prepare(tt.text).keys.Tokens)
		}
	}
}

func TestPartsOfBounded(t *testing.T) {
	p := partsOf("a, b, c, d, e, f, g (h) (i) (j) (k) (l)")
	if p.head != "a" || len(p.after) != maxQueryParts || len(p.bracketed) != maxQueryParts {
		t.Errorf("partsOf of a long list = %+v, want head a and %d parts of each kind", p, maxQueryParts)
	}
}

func TestFollowDeferrals(t *testing.T) {
	cands := []Candidate{
		{EntityID: "org/quds-force", Score: 0.5},
		{EntityID: "org/irgc", deferTo: "org/quds-force", Score: 0.45},
		{EntityID: "place/iran", deferTo: "org/irgc", Score: 0.6},
		{EntityID: "a", deferTo: "b"}, // a cycle ends
		{EntityID: "b", deferTo: "a"},
	}
	followDeferrals(cands)
	if got := cands[2].deferTo; got != "org/quds-force" {
		t.Errorf("Iran defers to %q, want org/quds-force", got)
	}
	if cands[1].deferTo != "org/quds-force" {
		t.Errorf("IRGC defers to %q, want org/quds-force", cands[1].deferTo)
	}
	if got := cands[2].Score; got >= cands[0].Score {
		t.Errorf("Iran scores %.2f, not below the Quds Force's %.2f it defers to", got, cands[0].Score)
	}
}

// TestDecideFollowsDeferrals checks that a candidate deferring to the best
// through another (a district to its capital, the capital to the
// governorate the query asks for) is no rival of the best.
func TestDecideFollowsDeferrals(t *testing.T) {
	cands := []Candidate{
		{EntityID: "place/kirkuk-governorate", Score: 0.54, whole: true},
		{EntityID: "place/kirkuk", Score: 0.48, deferTo: "place/kirkuk-governorate"},
		{EntityID: "place/kirkuk-district", Score: 0.50, deferTo: "place/kirkuk"},
	}
	if id, ambiguous := DefaultThresholds.decide(cands); id != "place/kirkuk-governorate" || ambiguous {
		t.Errorf("decide = %q, ambiguous %v; want the governorate", id, ambiguous)
	}
	cands[2].deferTo = ""
	if id, ambiguous := DefaultThresholds.decide(cands); id != "" || !ambiguous {
		t.Errorf("with the district no one's context, decide = %q, ambiguous %v; want ambiguous", id, ambiguous)
	}
	// A best candidate that defers to another is not the answer.
	top := []Candidate{{EntityID: "place/mosul-district", Score: 0.8, deferTo: "place/mosul"}, {EntityID: "place/mosul", Score: 0.4}}
	if id, _ := DefaultThresholds.decide(top); id != "" {
		t.Errorf("decide = %q for a best candidate deferring to another, want none", id)
	}
}

// TestDecideWholeAheadOfLooseRivals checks that a name met whole, word for
// word and apart, is the answer over a rival above the ambiguous line when
// that rival is twice the margin behind and met loosely, and only then.
func TestDecideWholeAheadOfLooseRivals(t *testing.T) {
	whole := Candidate{EntityID: "org/kdp", Score: 0.55, whole: true, closely: true, exactly: true, apart: true}
	for _, tt := range []struct {
		name   string
		top    func(c *Candidate)
		second Candidate
		want   string
	}{
		{"loose rival far behind", nil, Candidate{EntityID: "org/pyd", Score: 0.43}, "org/kdp"},
		{"rival within twice the margin", nil, Candidate{EntityID: "org/pyd", Score: 0.44}, ""},
		{"rival met closely", nil, Candidate{EntityID: "org/pyd", Score: 0.43, closely: true}, ""},
		{"rival met whole", nil, Candidate{EntityID: "org/pyd", Score: 0.43, whole: true}, ""},
		{"not apart", func(c *Candidate) { c.apart = false }, Candidate{EntityID: "org/pyd", Score: 0.43}, ""},
		{"not exactly", func(c *Candidate) { c.exactly = false }, Candidate{EntityID: "org/pyd", Score: 0.43}, ""},
		{"below the whole line", func(c *Candidate) { c.Score = DefaultThresholds.Whole - 0.01 }, Candidate{EntityID: "org/pyd", Score: 0.35}, ""},
	} {
		top := whole
		if tt.top != nil {
			tt.top(&top)
		}
		got, _ := DefaultThresholds.decide([]Candidate{top, tt.second})
		if got != tt.want {
			t.Errorf("%s: decide = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestDecideApartInCapitals checks that a name met whole and apart in a
// Latin text with capitals needs only the ambiguous line, as a marked one
// does, and still no plausible rival.
func TestDecideApartInCapitals(t *testing.T) {
	top := Candidate{EntityID: "org/kurdistan-islamic-union", Score: 0.45, whole: true, closely: true}
	rival := Candidate{EntityID: "org/kurdistan-islamic-group", Score: 0.30}
	if got, _ := DefaultThresholds.decide([]Candidate{top, rival}); got != "" {
		t.Errorf("whole, not apart: decide = %q, want none", got)
	}
	top.apartInCapitals = true
	if got, _ := DefaultThresholds.decide([]Candidate{top, rival}); got != top.EntityID {
		t.Errorf("whole and apart in capitals: decide = %q, want %s", got, top.EntityID)
	}
	rival.Score = 0.42
	if got, _ := DefaultThresholds.decide([]Candidate{top, rival}); got != "" {
		t.Errorf("with a rival on the ambiguous line: decide = %q, want none", got)
	}
}

func TestContiguous(t *testing.T) {
	for _, tt := range []struct {
		m    uint64
		want bool
	}{{0, false}, {1, true}, {0b1110, true}, {0b1011, false}, {1 << 63, true}, {1<<63 | 1, false}} {
		if got := contiguous(tt.m); got != tt.want {
			t.Errorf("contiguous(%b) = %v, want %v", tt.m, got, tt.want)
		}
	}
}

func TestSpanOf(t *testing.T) {
	for _, tt := range []struct{ met, want uint64 }{
		{0, 0},
		{0b1, 0b1},
		{0b101, 0b111},
		{0b10010, 0b11110},
		{1 << 63, 1 << 63},
		{1<<63 | 1, ^uint64(0)},
	} {
		if got := spanOf(tt.met); got != tt.want {
			t.Errorf("spanOf(%b) = %b, want %b", tt.met, got, tt.want)
		}
	}
}

func TestTitledHead(t *testing.T) {
	for _, tt := range []struct {
		query string
		want  bool
	}{
		{"Speaker of the parliament, Mohammed Halbousi", true},
		{"رئيس الحكومة، عادل عبد المهدي", true},
		{"Prime Minister, Iraq", true}, // a title before a part; readPartsApart asks for a person in it
		{"Talabany, Jalal", false},     // the head is a name, not a title
		{"Kirkuk, Iraq", false},        // no title
		{"Speaker of the parliament", false},
	} {
		if got := titledHead(partsOf(tt.query)); got != tt.want {
			t.Errorf("titledHead(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}

// TestCapitalStandsForWhatItHeads checks that a capital stands for what
// it is the capital of when the glossary is asked what contains a place
// (within) or what an entity belongs to (belongsTo, as news writes محافظ
// كركوك, the governor of Kirkuk), and that nothing is within itself or
// within its own capital.
func TestCapitalStandsForWhatItHeads(t *testing.T) {
	ix, err := seedIndex()
	if err != nil {
		t.Fatal(err)
	}
	within, belongs := ix.within, ix.belongsTo
	for _, tt := range []struct {
		rel  func(context.Context, string, string) (bool, error)
		a, b string
		want bool
	}{
		{within, "place/penjwen", "place/sulaymaniyah", true}, // in Sulaymaniyah governorate
		{within, "place/tal-afar", "place/mosul", true},       // in Nineveh, whose capital is Mosul
		{within, "place/penjwen", "place/sulaymaniyah-governorate", true},
		{within, "place/sulaymaniyah", "place/sulaymaniyah", false},
		{within, "place/sulaymaniyah-governorate", "place/sulaymaniyah", false},
		{within, "place/kirkuk", "place/sulaymaniyah", false},
		{belongs, "person/najmaldin-karim", "place/kirkuk", true},
		{belongs, "person/najmaldin-karim", "place/kirkuk-governorate", true},
		{belongs, "person/najmaldin-karim", "place/erbil", false},
	} {
		got, err := tt.rel(t.Context(), tt.a, tt.b)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("%s, %s: %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestMarkedNameIsMeant checks that a name met whole with a word of its
// kind beside it is the answer over a candidate met by other words and
// marked by none, and that a name in the genitive before lower-case words
// is the answer while one before a capitalised name is not.
func TestMarkedNameIsMeant(t *testing.T) {
	ix, err := seedIndex()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query, want string // want "" for no answer
	}{
		{"Turkish troops near the town of Bashiqa", "place/bashiqa"},
		{"محافظ كركوك في قضاء الحويجة", "place/hawija-district"},
		{"Saddam Hussein's regime", "person/saddam-hussein"},
		{"PKK's Cemil Bayık", ""},
	} {
		res, err := ix.Resolve(t.Context(), Query{Text: tt.query})
		if err != nil {
			t.Fatal(err)
		}
		if res.ResolvedID != tt.want {
			var top string
			if len(res.Candidates) > 0 {
				top = res.Candidates[0].EntityID
			}
			t.Errorf("Resolve(%q) = %q (top %s), want %q", tt.query, res.ResolvedID, top, tt.want)
		}
	}
}

// TestStraddles checks which sets of query words lie on both sides of
// another's.
func TestStraddles(t *testing.T) {
	for _, tt := range []struct {
		outer, inner uint64
		want         bool
	}{
		{0b101, 0b010, true},   // Kerkük'ün Dakuk ilçesi
		{0b001, 0b010, false},  // before only
		{0b100, 0b011, false},  // after only
		{0b1001, 0b0110, true}, // a name of two words inside
	} {
		if got := straddles(tt.outer, tt.inner); got != tt.want {
			t.Errorf("straddles(%b, %b) = %v, want %v", tt.outer, tt.inner, got, tt.want)
		}
	}
}

func TestIsFamilyNameForm(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"الأيوبي", true},
		{"al-Husseini", true},
		{"el-Baghdady", true},
		{"النفطية", false}, // an adjective after a place: كركوك النفطية
		{"الموصل", false},
		{"al-Jadida", false},
		{"الي", false}, // too short
		{"Husseini", false},
	}
	for _, tt := range tests {
		if got := isFamilyNameForm(tt.word); got != tt.want {
			t.Errorf("isFamilyNameForm(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestLocativeEndings(t *testing.T) {
	turkish := []struct {
		word string
		want bool
	}{
		{"Kerkük'te", true},
		{"Erbil’den", true},
		{"Kerkük'teki", true},
		{"KDP'nin", false},
		{"Kerkük", false},
	}
	for _, tt := range turkish {
		if got := turkishLocative(tt.word); got != tt.want {
			t.Errorf("turkishLocative(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
	sorani := []struct {
		text, form string
		want       bool
	}{
		{"لە شەقامەکانی کفریدا", "لە شەقامەکانی کفری", true},
		{"هەولێرەوە", "هەولێر", true},
		{"پێشمەرگەکان", "پێشمەرگە", false},
		{"کفریدا", "", false},
	}
	for _, tt := range sorani {
		if got := cutSoraniLocative(tt.text, tt.form); got != tt.want {
			t.Errorf("cutSoraniLocative(%q, %q) = %v, want %v", tt.text, tt.form, got, tt.want)
		}
	}
}

func TestConjunctionBits(t *testing.T) {
	tests := []struct {
		query string
		want  uint64
	}{
		{"پارتی و یەکێتی", 0b010},
		{"PDK û YNK", 0b010},
		{"KDP ve KYB", 0b010},
		{"أربيل والسليمانية", 0}, // the و joined to the word is no word of its own
		{"Kirkuk", 0},
	}
	for _, tt := range tests {
		p := prepare(tt.query)
		if p.conjunctions != tt.want {
			t.Errorf("conjunctions of %q (%q) = %b, want %b", tt.query, p.keys.Tokens, p.conjunctions, tt.want)
		}
	}
}

// TestDecideOutmetRivals checks that a name of two words or more met whole
// and exactly is the answer over rivals within the margin when each met
// fewer other words of the query, none beside its own and none whole.
func TestDecideOutmetRivals(t *testing.T) {
	top := Candidate{EntityID: "person/nawshirwan-mustafa", Score: 0.557, whole: true, closely: true, exactly: true, met: 0b11}
	for _, tt := range []struct {
		name  string
		rival Candidate
		want  string
	}{
		{"a likeness further on", Candidate{EntityID: "place/khabat-district", Score: 0.52, closely: true, met: 0b1000000}, top.EntityID},
		{"a word beside the name", Candidate{EntityID: "place/khabat-district", Score: 0.52, met: 0b100}, ""},
		{"a word of the name", Candidate{EntityID: "person/falah-mustafa-bakir", Score: 0.52, met: 0b10}, ""},
		{"a second name met whole", Candidate{EntityID: "place/khabat-district", Score: 0.52, whole: true, met: 0b1000000}, ""},
		{"as many words", Candidate{EntityID: "place/khabat-district", Score: 0.52, met: 0b11000000}, ""},
	} {
		got, ambiguous := DefaultThresholds.decide([]Candidate{top, tt.rival})
		if got != tt.want || (got == "") != ambiguous {
			t.Errorf("%s: decide = %q, ambiguous %v, want %q", tt.name, got, ambiguous, tt.want)
		}
	}
	one := top
	one.met = 0b1
	if got, _ := DefaultThresholds.decide([]Candidate{one, {EntityID: "place/khabat-district", Score: 0.52, met: 0b1000000}}); got != "" {
		t.Errorf("a name of one word: decide = %q, want none", got)
	}
}

func TestScatteredOver(t *testing.T) {
	whole := &Candidate{whole: true, exactly: true, met: 0b11} // The Iraqi parliament
	tests := []struct {
		name string
		b    Candidate
		want bool
	}{
		{"borrows a word, two other words between", Candidate{met: 0b110001}, true},
		{"borrows a word, one other word between", Candidate{met: 0b11001}, false},
		{"borrows a word, nine words between", Candidate{met: 0b11000000001}, true},
		{"one word between", Candidate{met: 0b101}, false},
		{"no word shared", Candidate{met: 0b1100000}, false},
		{"covers the whole name", Candidate{met: 0b110011}, false},
		{"met whole itself", Candidate{whole: true, met: 0b11001}, false},
	}
	for _, tt := range tests {
		if got := scatteredOver(&tt.b, whole); got != tt.want {
			t.Errorf("%s: scatteredOver(%b) = %v, want %v", tt.name, tt.b.met, got, tt.want)
		}
	}
}
