package index

import (
	"strings"
	"testing"

	"github.com/exonym/exonym/normalize"
)

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

// TestWordMatchHoldsAlignedRepeat checks that a name word the query writes
// twice is met where it stands beside the name's other words, so that the
// name is met whole.
func TestWordMatchHoldsAlignedRepeat(t *testing.T) {
	tests := []struct {
		query, name string
		whole       bool
	}{
		{"Sadr Hareketi’nin yeni adının Ulusal Şia Hareketi olduğu ifade edildi.", "Ulusal Şia Hareketi", true},
		{"Ulusal Şia Hareketi ve Sadr Hareketi", "Ulusal Şia Hareketi", true},
		{"Hareketi yeni Ulusal Şia", "Ulusal Şia Hareketi", false}, // out of order: no repeat to move to
	}
	info := func(string) float64 { return 1 }
	for _, tt := range tests {
		m := prepare(tt.query).wordMatch(normalize.KeysOf(tt.name), entityKind{org: true}, info)
		if m.whole != tt.whole {
			t.Errorf("wordMatch(%q, %q): whole %v (met %b, score %.3f), want %v", tt.query, tt.name, m.whole, m.met, m.score, tt.whole)
		}
	}
}

func TestVillagesIn(t *testing.T) {
	tests := []struct {
		query, name string
		want        bool
	}{
		{"struck the Matin mountain near Sekiri village in Al-Amadiya,", "Amadiya", true},
		{"سنووری گوندی سەرگەلێی لە ئامێدی بۆردوومان کرد", "ئامێدی", true},
		{"Operasyonlar nedeniyle şimdiye kadar Zaho'ya bağlı 34 köy boşaldı", "Zaho", true},
		{"fired rocket-propelled grenades at villages in the town of Makhmour", "Makhmour", false}, // the town named
		{"villages in Makhmour town", "Makhmour", false},
		{"هاوکات دانیشتووانی پێنجوێن و گوندەکانی دەوروبەری", "پێنجوێن", false}, // the town and the villages around it
		{"the village of Zummar", "Zummar", false},                             // the village's own name
	}
	for _, tt := range tests {
		q := prepare(tt.query)
		key := normalize.KeysOf(tt.name).Tokens[0]
		var met uint64
		for i, tok := range q.keys.Tokens {
			if tok == key || strings.HasPrefix(tok, key) {
				met |= bit(i)
			}
		}
		if met == 0 {
			t.Fatalf("%q: no word for %q (%q)", tt.query, tt.name, q.keys.Tokens)
		}
		if got := q.villagesIn(met); got != tt.want {
			t.Errorf("villagesIn(%q, %b) = %v, want %v", tt.query, met, got, tt.want)
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
		{[]int{3, 4, 4}, true},  // Shaswar Abdul Wahid as شاسوار عبدالواحد
		{[]int{4, 4, 3}, false},
		{[]int{-1, -1}, true},
	} {
		if got := inOrder(tt.at); got != tt.want {
			t.Errorf("inOrder(%v) = %v, want %v", tt.at, got, tt.want)
		}
	}
}

// TestNearFacility checks that a facility word makes the query a thing
// named after the name only next to it or one word off, and not across a
// title.
func TestNearFacility(t *testing.T) {
	for _, tt := range []struct {
		name                    string
		facilities, met, titles uint64
		want                    bool
	}{
		{"Kirkuk Airport", 0b10, 0b01, 0, true},
		{"University of Duhok", 0b001, 0b100, 0, true},
		{"Erbil International Airport", 0b100, 0b001, 0, true},
		{"a massacre took place in Hawija district", 0b10, 0b1100000, 0, false},
		{"Hero Ibrahim Ahmed member of-council", 0b10000, 0b00111, 0b01000, false},
		{"no facility word", 0, 0b1, 0, false},
	} {
		if got := nearFacility(tt.facilities, tt.met, tt.titles); got != tt.want {
			t.Errorf("%s: nearFacility(%b, %b, %b) = %v, want %v", tt.name, tt.facilities, tt.met, tt.titles, got, tt.want)
		}
	}
}

// TestMarkedAs checks that a word for an entity's kind next to a short
// name, or among the words met, marks the name as met whole, and that a
// form of state, a word for another kind, or scattered words do not.
func TestMarkedAs(t *testing.T) {
	city := entityKind{place: true, subtype: "city"}
	governorate := entityKind{place: true, subtype: "governorate"}
	country := entityKind{place: true, subtype: "country"}
	tests := []struct {
		query, name string
		ek          entityKind
		want        bool
	}{
		{"the northern city of Kirkuk", "Kirkuk", city, true},
		{"نزیك شاری هەولێر", "هەولێر", city, true},
		{"Kerkük kenti", "Kerkük", city, true},
		{"the disputed province of Kirkuk", "Kirkuk Province", governorate, true},
		{"the disputed Kirkuk", "Kirkuk", city, false},
		{"the disputed south of Kirkuk", "Kirkuk", city, false},           // a direction says where, not what kind                    // no word of its kind
		{"the university of Kirkuk", "Kirkuk", city, false},               // a facility, not a city
		{"Ekvatoral Gine Cumhuriyeti", "Gine", country, false},            // a form of state marks nothing
		{"the city of Kirkuk", "Kirkuk", entityKind{person: true}, false}, // a city word marks no person
		{"Kirkuk city council Erbil", "Erbil Kirkuk", city, false},        // words out of order
	}
	info := func(string) float64 { return 1 }
	for _, tt := range tests {
		p := prepare(tt.query)
		m := p.wordMatch(normalize.KeysOf(tt.name), tt.ek, info)
		// Every word met (Kerkük kenti) is stronger still than marked. (A
		// name may be met whole without a word of its kind, see
		// prepared.isolated: the disputed Kirkuk.)
		if got := m.marked || m.kind == MatchFuzzy; got != tt.want {
			t.Errorf("wordMatch(%q, %q): marked %v, %v (score %.3f), want marked: %v", tt.query, tt.name, m.marked, m.kind, m.score, tt.want)
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

// TestTaMarbutaPair checks that a word romanised with and without the t of
// a final ة is one word, and that other final letters are not.
func TestTaMarbutaPair(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"dwa", "dwat", true},
		{"dwat", "dwa", true},
		{"ayat", "aya", true},
		{"dwa", "dwak", false},
		{"raqa", "raqat", true},
		{"irak", "iraq", false},
		{"a", "at", false},
	} {
		if got := taMarbutaPair(tt.a, tt.b); got != tt.want {
			t.Errorf("taMarbutaPair(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestFathersName checks that a title inside a person's name and the words
// after it, without the given name, read as the father's name, and that
// other parts of a name do not.
func TestFathersName(t *testing.T) {
	tests := []struct {
		query, name string
		want        bool
	}{
		{"Sheikh Jangi Talabani", "Lahur Sheikh Jangi Talabani", true},
		{"Sheikh Jangi", "Lahur Sheikh Jangi Talabani", true},
		{"شيخ جنكي الطالباني", "لاهور شيخ جنكي الطالباني", true},
		{"Lahur Sheikh Jangi", "Lahur Sheikh Jangi Talabani", false},
		{"Lahur Talabani", "Lahur Sheikh Jangi Talabani", false},
		{"Talabani", "Lahur Sheikh Jangi Talabani", false},          // the family name
		{"Tayyip Erdoğan", "Recep Tayyip Erdoğan", false},           // no title: a second given name
		{"Ali al-Sistani", "Grand Ayatollah Ali al-Sistani", false}, // the titles come first
	}
	info := func(string) float64 { return 1 }
	for _, tt := range tests {
		m := prepare(tt.query).wordMatch(normalize.KeysOf(tt.name), entityKind{person: true}, info)
		got := len(m.why) > 0 && m.why[0] == "the father's name"
		if got != tt.want {
			t.Errorf("wordMatch(%q, %q) read as the father's name: %v (score %.3f), want %v", tt.query, tt.name, got, m.score, tt.want)
		}
	}
}

// TestInflectedWordInside checks that a word with endings inside a longer
// query meets the name word it is without them, and that a word the
// glossary has as written is not read without its endings.
func TestInflectedWordInside(t *testing.T) {
	tests := []struct {
		query, word string
		i           int
		want        bool
	}{
		{"Qezaya Zaxoyê ser bi parêzgeha Duhokê", "zakho", 1, true},
		{"Qezaya Zaxoyê ser bi parêzgeha Duhokê", "duhok", 5, true},
		{"Zaxoyê", "zakho", 0, false},             // one word: the search reads it without its endings
		{"Qezaya Zaxoyê", "zakhoy", 1, false},     // no ending is cut there
		{"قرابته بمسعود برزاني", "msud", 1, true}, // a joined preposition
	}
	for _, tt := range tests {
		p := prepare(tt.query)
		got := p.tokenSimilarity(tt.i, tt.word) >= inflectedSim
		if got != tt.want {
			t.Errorf("tokenSimilarity(%q word %d, %q) = %.3f, want met as inflected: %v", tt.query, tt.i, tt.word, p.tokenSimilarity(tt.i, tt.word), tt.want)
		}
	}
	p := prepare("جمهوری فدرال نیجریه")
	p.glossaryWord = func(w string) bool { return w == "nijri" }
	if got := p.tokenSimilarity(2, "nijr"); got >= inflectedSim {
		t.Errorf("نیجریه, a word of the glossary, meets نیجر at %.3f: read without its endings", got)
	}
}

func TestInitialismInText(t *testing.T) {
	pkk := normalize.KeysOf("PKK")
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"the P.K.K. said", true},
		{"P.K.K., the Kurdistan Workers' Party", true},
		{"(p.k.k.)", true},
		{"the PKK said", false}, // no dots: abbreviationInText's case
		{"P.K. said", false},    // two letters are as often a person's initials
		{"the P.K.K.K. said", false},
	} {
		if got := initialismInText(tt.text, pkk); got != tt.want {
			t.Errorf("initialismInText(%q, PKK) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestLatinTitleOnly(t *testing.T) {
	for _, tt := range []struct {
		query string
		want  qualifierClass
	}{
		{"Dr Barham Salih", qualTitle},
		{"کوت در نزدیکی مرز", qualNone}, // در, in, romanises as Dr does
		{"دکتر برهم صالح", qualTitle},
	} {
		p := prepare(tt.query)
		i := 0
		if tt.want == qualNone {
			i = 1
		}
		if got := p.tokenQuals[i]; got != tt.want {
			t.Errorf("prepare(%q): word %d class %v, want %v", tt.query, i, got, tt.want)
		}
	}
}

func TestPlainForm(t *testing.T) {
	for _, tt := range []struct {
		word, want string
		ok         bool
	}{
		{"hlat", "hla", true}, // الحلة in construct
		{"hkumat", "hkuma", true},
		{"hla", "", false},
		{"at", "", false}, // too short to be a word in construct
	} {
		if got, ok := plainForm(tt.word); got != tt.want || ok != tt.ok {
			t.Errorf("plainForm(%q) = %q, %v, want %q, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
}

func TestStrayFunctionWord(t *testing.T) {
	q := prepare("وقال مسؤولون في الدولة الإسلامية في العراق والشام")
	nt := normalize.KeysOf("الدولة الإسلامية في العراق والشام").Tokens
	if !q.strayFunctionWord(2, 2, nt) {
		t.Errorf("the في before the name was read as the name's")
	}
	if q.strayFunctionWord(5, 2, nt) {
		t.Errorf("the في inside the name was read as stray")
	}
	if q.strayFunctionWord(3, 0, nt) {
		t.Errorf("a word of the name (الدولة) was read as a stray function word")
	}
}

func TestPluralAbbreviation(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"IDPs", true},
		{"(NGOs)", true},
		{"MPs", true},
		{"Ps", false},    // one capital: a word, not an abbreviation
		{"IDP", false},   // no plural
		{"Iraqs", false}, // a word with capitals
		{"PKK", false},
		{"DAESs", true},
		{"ئێس", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := pluralAbbreviation(tt.text); got != tt.want {
			t.Errorf("pluralAbbreviation(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestArabicWord(t *testing.T) {
	tests := []struct {
		word     string
		token    string
		articled bool
	}{
		{"الدور", "dur", true},
		{"دور", "dur", false},
		{"والدور", "dur", true},
		{"بالدور", "dur", true},
		{"للدور", "dur", true},
		{"«دور»", "dur", false},
		{"Dour", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		token, articled := arabicWord(tt.word)
		if token != tt.token || articled != tt.articled {
			t.Errorf("arabicWord(%q) = %q, %v; want %q, %v", tt.word, token, articled, tt.token, tt.articled)
		}
	}
}

func TestCapitalBeside(t *testing.T) {
	for _, tt := range []struct {
		query       string
		first, last int
		want        bool
	}{
		{"Îrfan Kerkûkî got ku", 1, 1, true},            // a given name before
		{"serdana Hewlêrê kir", 1, 1, false},            // words in lower case on each side
		{"Kerkûk Valiliği açıklama yaptı", 0, 0, false}, // a qualifier after is no capitalised word of a name
		{"ji 12 Hewlêrê", 2, 2, false},                  // a number before
		{"Dayik – Bav: Şehrînaz – Selahattîn", 3, 3, true},
	} {
		if got := prepare(tt.query).capitalBeside(tt.first, tt.last); got != tt.want {
			t.Errorf("capitalBeside(%q, %d, %d) = %v, want %v", tt.query, tt.first, tt.last, got, tt.want)
		}
	}
}

func TestTurnedAroundOf(t *testing.T) {
	for _, tt := range []struct {
		at   []int
		want bool
	}{
		{[]int{1, 2, 0}, true},     // Parliament of Kurdistan Region: Kurdistan Region Parliament
		{[]int{1, 0}, true},        // Government of Iraq: Iraq Government
		{[]int{0, 1, 2}, false},    // in order: inOrder's
		{[]int{2, 3, 0}, false},    // a word between the turned parts
		{[]int{1, 3, 0}, false},    // a word between the name's words
		{[]int{2, 0, 1}, true},     // Region Parliament of Kurdistan: turned after the first word
		{[]int{1, -1, 0}, false},   // a word of the name not met
		{[]int{3, 4, 0, 1}, false}, // turned around two words apart
	} {
		if got := turnedAroundOf(tt.at); got != tt.want {
			t.Errorf("turnedAroundOf(%v) = %v, want %v", tt.at, got, tt.want)
		}
	}
}

func TestLocativeBitsDirections(t *testing.T) {
	for _, tt := range []struct {
		query string
		word  int // the word after which the name stands
		want  bool
	}{
		{"مخيم ديباجة شمال مخمور", 2, true},
		{"15 کیلومتری جنوب حله", 2, true},
		{"باشووری کەرکووک", 0, true},
		{"north of Makhmur", 0, false}, // Latin directions are no locatives: North Kurdistan
	} {
		q := prepare(tt.query)
		if got := q.locatives&bit(tt.word) != 0; got != tt.want {
			t.Errorf("%q: word %d (%q) locative = %v, want %v", tt.query, tt.word, q.keys.Tokens, got, tt.want)
		}
	}
}

func TestHasLatin(t *testing.T) {
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"Kurdistan Region Parliament", true}, {"Parlamana Kurdistanê", true},
		{"الحرس الثوري", false}, {"پەرلەمانی کوردستان", false},
	} {
		if got := hasLatin(normalize.KeysOf(tt.name).Canonical); got != tt.want {
			t.Errorf("hasLatin(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestBreakBits checks where a query's phrase breaks, as bits of its
// romanised words (see breakBits), and the facility words a break parts
// from a name (see beyondBreaks).
func TestBreakBits(t *testing.T) {
	for _, tt := range []struct {
		query  string
		breaks uint64
		met    uint64 // the words of a name met
		beyond uint64
	}{
		// polije zeravani forjes ministry forjes wil be jaled: a comma
		// after Police, and after forces, where "and the" were left out.
		{"Police, Zeravani forces and the ministry forces will be called", 0b101, 0b10, 0b11111001},
		// halk duhok kentindeki usu basti: in the city of Duhok, the base.
		{"halk Duhok kentindeki üssü bastı", 0b100, 0b10, 0b11000},
		// qsf mtar arbil wqal: the Arabic comma after the name.
		{"قصف مطار أربيل، وقال", 0b100, 0b100, 0b1000},
		// parti w yeketi: after the conjunction (the KDP and the PUK).
		{"پارتی و یەکێتی", 0b10, 0b1, 0b100},
		// atak targeted base in anbar provinje …: the locative in (a base
		// in Anbar, not named after it).
		{"The attack targeted the base in Anbar province amid regional tensions", 0b1000, 0b10000, 0b1111},
		{"Kirkuk Airport", 0, 0b1, 0}, // no break: the airport is named after the city
		{"مطار أربيل الدولي", 0, 0b10, 0},
	} {
		q := prepare(tt.query)
		if got := q.breakBits(); got != tt.breaks {
			t.Errorf("breakBits(%q) = %b, want %b", tt.query, got, tt.breaks)
		}
		if got := q.beyondBreaks(tt.met); got != tt.beyond {
			t.Errorf("beyondBreaks(%q, %b) = %b, want %b", tt.query, tt.met, got, tt.beyond)
		}
	}
}

// TestEndsPhrase checks which marks after a word end its phrase: not the
// full stop of an abbreviation.
func TestEndsPhrase(t *testing.T) {
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"Police,", true},
		{"Erbil.", true},
		{"أربيل،", true},
		{"Mt.", false},
		{"U.S.", false},
		{"(پ.ک.ک.)", false},
		{"Erbil", false},
	} {
		if got := endsPhrase(tt.word); got != tt.want {
			t.Errorf("endsPhrase(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestLocativeRelative checks the Turkish words with the locative and
// relative ending -daki, -deki.
func TestLocativeRelative(t *testing.T) {
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"kentindeki", true},
		{"Duhok'taki", true},
		{"Erbil’deki,", true},
		{"Irak'taki", true},
		{"deki", false}, // the ending alone
		{"Kerkük", false},
		{"Mahmudiye", false},
	} {
		if got := locativeRelative(tt.word); got != tt.want {
			t.Errorf("locativeRelative(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestPunctuatedBits checks the words a mark of punctuation follows, which
// end a name's phrase as a conjunction does (see sentenceWordBeside).
func TestPunctuatedBits(t *testing.T) {
	for _, tt := range []struct {
		query string
		want  uint64
	}{
		{"رێی دهكهوێته سنوورى زاخۆ، مێژووى كۆچى دواییهكهى نادیاره", 0b1000}, // after زاخۆ
		{"Police, Zeravani forces and the ministry forces", 0b1},            // not after "forces and": a conjunction, no mark
		{"the Yazidis fled to Mt. Sinjar", 0},                               // an abbreviation's full stop
		{"پارتی و یەکێتی", 0},
	} {
		if got := prepare(tt.query).punctuatedBits(); got != tt.want {
			t.Errorf("punctuatedBits(%q) = %b, want %b", tt.query, got, tt.want)
		}
	}
}
