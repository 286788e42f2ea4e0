package normalize

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestUninflected(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		// Sorani postpositions, article, plural and additive, and the
		// same endings typed without the Sorani letters.
		{"کەرکووکدا", []string{"کەرکووک"}},
		{"عێراقەوە.", []string{"عێراقەوە", "عێراقە", "عێراق"}}, // the full stop is no ending
		{"li Hewlêrê.", []string{"Hewlêrê", "Hewlêr"}},
		{"پیشمرگه\u200cها", []string{"پیشمرگە", "پیشمرگ"}},             // Persian plural
		{"پیشمرگه\u200cهای", []string{"پیشمرگە", "پیشمرگ"}},            // with the ezafe
		{"لە لایەن پارتییەوە", []string{"پارتییەوە", "پارتی", "پارت"}}, // by the KDP
		{"توسط داعش", []string{"داعش"}},                                // Persian: by
		{"من قبل حزب الدعوة", []string{"حزب الدعوة"}},                  // Arabic: by
		{"هەولێرەوە", []string{"هەولێرە", "هەولێر"}},
		// After a name ending in یە, -ەوە is written -وە: the name keeps
		// its یە (from Ranya, from Koya).
		{"ڕانیەوە", []string{"ڕانیە", "ڕان"}},
		{"کۆیەوە", []string{"کۆیە", "کۆی"}}, // کۆ is too short to be a stem: -ەوە is cut
		// The last form is no name (the possessive -مان read off سلێمان): forms
		// are only tried, and one that meets nothing is dropped.
		{"سلێمانییەوە", []string{"سلێمانی", "سلێمان", "سلێ"}},
		{"پێشمەرگەکان", []string{"پێشمەرگە", "پێشمەرگ"}},
		// The additive یش may have taken the stem's final ی: both readings
		// are tried (پێشمەرگەکانی meets nothing and is dropped).
		{"پێشمەرگەکانیش", []string{"پێشمەرگەکانی", "پێشمەرگەکان", "پێشمەرگە", "پێشمەرگ"}},
		{"یەکێتیش", []string{"یەکێتی", "یەکێت"}}, // یەکێتی + ش (also): the ending took no letter of the stem
		{"ئێرانیش", []string{"ئێرانی", "ئێران", "ئێر"}},
		// The indefinite, the additive and the possessive (a Peshmerga of
		// ours too); a city's indefinite after a consonant.
		{"پێشمەرگەیەکیشمان", []string{"پێشمەرگەیەکیش", "پێشمەرگەیەکی", "پێشمەرگەیەک", "پێشمەرگە"}},
		{"کەرکووکێک", []string{"کەرکووک"}},
		{"كه\u200cركووكدا", []string{"كەركووك"}},
		{"هەولێرهوه", []string{"هەولێره", "هەولێر"}},
		{"لە کەرکووک", []string{"کەرکووک"}},
		{"لەشاری هەولێر", []string{"شاری هەولێر"}},
		{"ل بەغدایێ", []string{"بەغدایێ", "بەغدا", "بەغ"}}, // بەغدا ends like -دا
		{"داعشدایه", []string{"داعشدا", "داعش"}},
		{"عێراقە", []string{"عێراق"}},
		{"بۆ هەولێر", []string{"هەولێر"}},
		// Kurmanji prepositions, postpositions and the oblique ending.
		{"Kerkûkê", []string{"Kerkûk"}},
		{"li Hewlêrê", []string{"Hewlêrê", "Hewlêr"}},
		{"di Kerkûkê de", []string{"Kerkûkê", "Kerkûk"}},
		{"Zaxoyê", []string{"Zaxo"}},
		{"DUHOKÊ", []string{"DUHOK"}},
		{"xelkê Hewlêrê", []string{"Hewlêrê", "Hewlêr"}},              // an ezafe head noun
		{"Encumena Nûnerên Iraqê", []string{"Encumena Nûnerên Iraq"}}, // capitalised head nouns: a name of their own
		{"li ser Pêşmergeyan", []string{"Pêşmergeyan", "Pêşmerge"}},
		{"PKKê", []string{"PKK"}}, // an acronym keeps two letters
		{"PKKyîyan", []string{"PKK", "PKKyî"}},
		{"YPGyê", []string{"YPG"}},
		{"em PDKyê dibînin", []string{"em PDK dibînin"}},
		{"Irak Meclisinde", []string{"Irak Meclisi"}}, // a Turkish case ending after the possessive
		{"Kürdistan Bölgesi Hükümetinden", []string{"Kürdistan Bölgesi Hükümeti"}},
		{"Kürdistan Bölgesindeki", []string{"Kürdistan Bölgesi"}}, // the locative with -ki
		{"partinin", nil}, // too short a stem: parti is a word of its own
		{"McDonald", nil}, // one capital is no acronym
		{"USAlongword", nil},
		{"le Êraqewe", []string{"Êraqewe", "Êraq"}},
		{"nêzîkî Kerkûkê", []string{"Kerkûkê", "Kerkûk"}}, // near
		{"نزیک کەرکووک", []string{"کەرکووک"}},
		{"بالقرب من كركوك", []string{"كركوك", "ركوك"}}, // ك may be "like" joined
		{"Talebanîyekan", []string{"Talebanî"}},
		// Arabic: a joined conjunction or preposition, a separate one.
		{"وكركوك", []string{"كركوك"}},
		{"لأربيل", []string{"أربيل"}},
		{"في الموصل", []string{"الموصل"}},
		// Persian: a preposition before, the object marker after.
		{"در کرکوک", []string{"کرکوک"}},
		{"کرکوک را", []string{"کرکوک"}},
		// English compounds and prepositions.
		{"KDP-led", []string{"KDP"}},
		{"anti-PKK", []string{"PKK"}},
		{"Iran–backed", []string{"Iran"}},
		{"in Kirkuk", []string{"Kirkuk"}},
		// Nothing to undo.
		{"Kirkuk", nil},
		{"کەرکووک", nil},
		{"Kerke", nil},    // a plain e is not the oblique ê
		{"دا", nil},       // an ending alone is not a name
		{"li", nil},       // nor a preposition alone
		{"Pêşmerge", nil}, // ê inside the word
		// A name that merely begins or ends like an affix gives a form too;
		// the index tries forms only when the text as written met nothing
		// strongly, and a form's match scores below a stripped one.
		{"بغداد", []string{"غداد"}},
		{"ئێران", []string{"ئێر"}},
	}
	for _, tt := range tests {
		if got := Uninflected(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Uninflected(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}

func FuzzUninflected(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, s := range []string{"کەرکووکدا", "li Hewlêrê", "وكركوك", "KDP-led", "di Kerkûkê de", "پێشمەرگەکانیش"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Canonical(s)
		forms := Uninflected(s)
		if len(forms) > maxUninflected {
			t.Fatalf("Uninflected(%+q): %d forms, more than %d", s, len(forms), maxUninflected)
		}
		for _, v := range forms {
			if !utf8.ValidString(v) || v == "" || len(v) >= len(c) {
				t.Fatalf("Uninflected(%+q) has %+q: invalid, empty or not shorter than %+q", s, v, c)
			}
			if Canonical(v) != v {
				t.Fatalf("Uninflected(%+q) has %+q, which is not canonical", s, v)
			}
		}
	})
}

func TestSoraniVowelForm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"نهینهوا", "نەینەوا"},
		{"ههولێر", "هەولێر"},
		{"پێشمهرگه", "پێشمەرگە"},
		{"لهقهزای شهرگات", "لەقەزای شەرگات"},
		{"هەولێر", ""}, // written with ە already
		{"Kirkuk", ""}, // no Arabic script
		{"ه", ""},      // a lone heh begins its word
		{"کرکوک هه", "کرکوک هە"},
		{"الجمهورية", ""}, // Arabic: its ة says so
		{"جمهوريّة", ""},  // a shadda
	}
	for _, tt := range tests {
		if got := SoraniVowelForm(tt.in); got != tt.want {
			t.Errorf("SoraniVowelForm(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSoraniVowelForm(f *testing.F) {
	for _, s := range []string{"نهینهوا", "ههولێر", "Kirkuk", "", "ه ه", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := SoraniVowelForm(s)
		if got == "" {
			return
		}
		if strings.Count(got, "ە") <= strings.Count(s, "ە") {
			t.Fatalf("SoraniVowelForm(%q) = %q changed no heh", s, got)
		}
		if again := SoraniVowelForm(got); again != "" {
			t.Fatalf("SoraniVowelForm(%q) = %q, and again %q: not settled", s, got, again)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("SoraniVowelForm(%q) = %q is not valid UTF-8", s, got)
		}
	})
}

func TestCompoundModifier(t *testing.T) {
	for _, tt := range []struct {
		word, name string
		ok         bool
	}{
		{"IS-held", "IS", true},
		{"Iran-backed", "Iran", true},
		{"KDP-Led", "KDP", true},
		{"Kata'ib", "", false},
		{"al-Abadi", "", false},
		{"-led", "", false},
	} {
		name, ok := CompoundModifier(tt.word)
		if name != tt.name || ok != tt.ok {
			t.Errorf("CompoundModifier(%q) = %q, %v; want %q, %v", tt.word, name, ok, tt.name, tt.ok)
		}
	}
}

func TestHasKurdishLetter(t *testing.T) {
	for s, want := range map[string]bool{
		"برای شاسوار":    false, // Persian
		"برای مەسعود":    true,
		"ڤیان":           true,
		"Kerkûk":         false,
		"جمهورية العراق": false,
	} {
		if got := HasKurdishLetter(s); got != want {
			t.Errorf("HasKurdishLetter(%q) = %v, want %v", s, got, want)
		}
	}
}
