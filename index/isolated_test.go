package index

import (
	"slices"
	"testing"
)

func TestIsolated(t *testing.T) {
	for _, tt := range []struct {
		query       string
		first, last int
		want        bool
	}{
		{"hewl dide ku Hewlêrê bişkîne", 3, 3, true}, // words of the sentence on each side
		{"Hewlêra serbilind", 0, 0, true},
		{"Rêveberiya Xweser a Şengalê", 3, 3, false}, // an ezafe particle before: the Sinjar administration
		{"Şengal Berxwedan bi tenê", 0, 0, false},    // in Kurmanji, no ending: perhaps the first word of a name
		{"Şengal bi tenê", 0, 0, true},               // …unless a word in lower case follows right away
		{"Hewlêr yek ji bajarên cîhanê ye", 0, 0, true},
		{"Kerkük bir Türkmen şehridir", 0, 0, true},         // a stop word after
		{"Şengal Savunma Güçleri adı altında", 0, 0, false}, // a capitalised word after
		{"Kirkuk police said", 0, 0, false},                 // English puts the compound's head after
		{"officials in Gorran said on Monday", 2, 2, true},  // a reporting verb after: a word of the sentence
		{"گۆڕان ڕایگەیاند کە", 0, 0, true},                  // Gorran announced that: the Sorani verb after
		{"Erbil on Monday", 0, 0, true},
		{"the hile of it", 1, 1, false}, // lower case in a text without capitals: no case to read, no stop word
		{"Erbil", 0, 0, false},          // the name alone is no sentence
		{"جدیدترین موضع گیری ترامپ", 3, 3, true},
		{"ھەڵەبجەی شەهید", 0, 0, false},                         // a word after that is no stop word
		{"the Government of Iraq", 3, 3, false},                 // of links the name to the words before
		{"guhertinên dawiyê yên Sûriyeyê û deverê", 3, 3, true}, // …to a common word: the changes of Syria
		{"the people of Erbil said", 3, 3, false},               // no stop word after, in English
		{"Kerkük bir Türkmen şehridir", -1, -1, false},          // nothing met
		{"ancak Bağdat’ın sorumluluklarını", 1, 1, true},        // a Turkish case ending: no compound's first word
		{"ancak Kerkük polisi", 1, 1, false},                    // no ending: a compound
		{"12 Mayıs'ta Erbil'e gitti", 2, 2, true},               // a case ending before closes a phrase of its own
		{"12 Mayıs Erbil'e gitti", 2, 2, false},                 // a capitalised word before, no ending: perhaps one name
		{"dün Erbil hakkında açıklama yaptı", 1, 1, true},       // a postposition right after: no compound's head
	} {
		if got := prepare(tt.query).isolated(tt.first, tt.last); got != tt.want {
			t.Errorf("isolated(%q, %d, %d) = %v, want %v", tt.query, tt.first, tt.last, got, tt.want)
		}
	}
}

func TestPersonCue(t *testing.T) {
	for _, tt := range []struct {
		query string
		i     int
		want  bool
	}{
		{"وقال الشيخ الخزعلي في كلمة", 2, true},           // a title before
		{"وأكد الخزعلي في كلمة", 1, true},                 // an Arabic reporting verb before
		{"الفیاض گفت", 0, true},                           // a Persian reporting verb after, nothing before
		{"For his part, Kadhimi said", 3, true},           // an English one after, in lower case
		{"Mustafa Kadhimi said", 1, false},                // a capitalised word before: perhaps a given name
		{"سەرکردە ڕەسوڵ مامەندو بەخاک سپاردنی", 1, false}, // a word after that may be a name of its own
		{"لە شاری الخزعلي", 2, false},                     // nothing marks a person
		{"Kadhimi Said", 0, false},                        // a capitalised verb may be a name
	} {
		if got := prepare(tt.query).personCue(tt.i); got != tt.want {
			t.Errorf("personCue(%q, %d) = %v, want %v", tt.query, tt.i, got, tt.want)
		}
	}
}

func TestMetSpan(t *testing.T) {
	if first, last := metSpan([]int{-1, 4, 2, -1}); first != 2 || last != 4 {
		t.Errorf("metSpan = %d, %d, want 2, 4", first, last)
	}
	if first, last := metSpan([]int{-1}); first != -1 || last != -1 {
		t.Errorf("metSpan of nothing met = %d, %d, want -1, -1", first, last)
	}
}

func TestCutEndings(t *testing.T) {
	for _, tt := range []struct {
		text, form string
		want       []string
	}{
		{"koçberî Hewlêrê", "koçberî Hewlêr", []string{"Hewlêr"}},
		{"koçberî Hewlêrê", "koçberî Hewlêrê", nil}, // nothing cut
		{"koçberî Hewlêrê", "Hewlêr", nil},          // a word dropped, not an ending
		{"li Hewlêrê", "Hewlêrê", nil},
		{"ji ber hebûna PKKê di dema borî de", "ji ber hebûna PKK di dema borî", []string{"PKK"}}, // the circumposition's de dropped too
		{"", "", nil},
	} {
		if got := cutEndings(tt.text, tt.form); !slices.Equal(got, tt.want) {
			t.Errorf("cutEndings(%q, %q) = %q, want %q", tt.text, tt.form, got, tt.want)
		}
	}
}

func TestMarkedWordForms(t *testing.T) {
	got := markedWordForms("سەردانی شاری بەغدادیان دەکرد", placeKindWordBefore)
	if want := "سەردانی شاری بەغداد دەکرد"; !slices.Contains(got, want) {
		t.Errorf("markedWordForms = %q, want it to hold %q", got, want)
	}
	if got := markedWordForms("سەردانی بەغدادیان دەکرد", placeKindWordBefore); len(got) != 0 {
		t.Errorf("markedWordForms without a kind word = %q, want none", got)
	}
	if got := markedWordForms("شاری بەغدادیان", placeKindWordBefore); len(got) != 0 {
		t.Errorf("markedWordForms with the marked word last = %q, want none (the query's own forms cut it)", got)
	}
}

func TestZWNJStemForms(t *testing.T) {
	got := zwnjStemForms("پیشمرگه\u200cهای کرد")
	if want := []string{"پیشمرگه کرد"}; !slices.Equal(got, want) {
		t.Errorf("zwnjStemForms = %q, want %q", got, want)
	}
	if got := zwnjStemForms("سلیمان\u200cبیک"); len(got) != 0 {
		t.Errorf("zwnjStemForms of a name joined with a ZWNJ = %q, want none", got)
	}
	if got := zwnjStemForms("پیشمرگه کرد"); len(got) != 0 {
		t.Errorf("zwnjStemForms without a ZWNJ = %q, want none", got)
	}
}

func TestSoraniCircumposition(t *testing.T) {
	certain, _ := circumposedForms("لەلایەن داعشەوە بۆ یەکەمجار بوو")
	if want := "لەلایەن داعش بۆ یەکەمجار بوو"; !slices.Contains(certain, want) {
		t.Errorf("circumposedForms = %q, want it to hold %q", certain, want)
	}
	// The postposition cut alone is certain (ئاسایش); the word without
	// the endings before it too is a guess (ئاسا, the additive -یش cut).
	certain, guessed := circumposedForms("پەیوەندیی بە ئاسایشەوە نییە")
	if want := []string{"پەیوەندیی بە ئاسایش نییە"}; !slices.Equal(certain, want) {
		t.Errorf("circumposedForms certain = %q, want %q", certain, want)
	}
	if want := "پەیوەندیی بە ئاسا نییە"; !slices.Contains(guessed, want) || slices.Contains(guessed, certain[0]) {
		t.Errorf("circumposedForms guessed = %q, want it to hold %q and not the certain form", guessed, want)
	}
	for _, tt := range []struct {
		prep, w string
		want    bool
	}{
		{"لە", "هەولێرەوە", true},
		{"لە", "کەرکووکدا", true},
		{"بۆ", "هەولێرەوە", false}, // بۆ takes no postposition
		{"لە", "هەولێر", false},    // no postposition to cut
		{"لە", "دا", false},
	} {
		if got := soraniCircumposition(tt.prep, tt.w); got != tt.want {
			t.Errorf("soraniCircumposition(%q, %q) = %v, want %v", tt.prep, tt.w, got, tt.want)
		}
	}
}

func TestQuotedSpans(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"از مردم «نینوا» را آواره کرد", []string{"نینوا"}},
		{`the so-called "Sinjar Resistance Units" and “Erbil”`, []string{"Sinjar Resistance Units", "Erbil"}},
		{"Asa'ib Ahl al-Haq, Erbil'de", nil}, // apostrophes are no quotes
		{"«unclosed", nil},
		{`"" and « »`, nil},
	} {
		if got := quotedSpans(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("quotedSpans(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if q := prepare("از مردم «نینوا» را آواره کرد"); !q.isQuoted(2, 2) || q.isQuoted(1, 2) {
		t.Errorf("isQuoted: want the quoted word alone quoted")
	}
}

func TestAfterSentenceStart(t *testing.T) {
	glossaryWord := func(w string) bool { return w == "baghdad" || w == "bagdat" || w == "trump" }
	for _, tt := range []struct {
		query       string
		first, last int
		want        bool
	}{
		{"Cenazenin Bağdat'a getirilerek orada", 1, 1, true}, // a sentence's capital on a common noun
		{"Cenazenin Bağdat'a", 1, 1, false},                  // two words only: perhaps one name
		{"Cenazenin Bağdat Valiliği açıkladı", 1, 1, false},  // a capitalised word after: a longer name
		{"Kuzey Bağdat'ta patlama", 1, 1, false},             // a direction before is a qualifier
		{"the Bağdat'a getirilerek", 1, 1, false},            // no capital on the first word: isolated reads it
	} {
		q := prepare(tt.query)
		q.glossaryWord = glossaryWord
		if got := q.afterSentenceStart(tt.first, tt.last); got != tt.want {
			t.Errorf("afterSentenceStart(%q, %d, %d) = %v, want %v", tt.query, tt.first, tt.last, got, tt.want)
		}
	}
}
