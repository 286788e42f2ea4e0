package index

import (
	"strings"
	"testing"
	"unicode"

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
		{"örgütü", qualGroup},      // organisation, Turkish
		{"چەکدارانی", qualGroup},   // the gunmen of, Sorani
		{"بەرپرسێکی", qualGroup},   // an official of, Sorani, with the indefinite
		{"ئەندامێکی", qualTitle},   // a member of
		{"سەرکردەیەکی", qualTitle}, // a leader of
		{"Governorate", qualProvince},
		{"شارۆچکەی", qualCity},    // the town of, Sorani
		{"ناوچەی", qualCity},      // the area of, Sorani
		{"منطقة", qualCity},       // area, Arabic
		{"ناحية", qualCity},       // the sub-district named after its town
		{"Balad", qualNone},       // a town, not بلدة (town)
		{"بمحافظة", qualProvince}, // in the governorate of: ب joined to it
		{"وبلدة", qualCity},       // and the town of: و joined to it
		{"لحزب", qualNone},        // of the party: party is no qualifier
		{"Bakr", qualNone},        // no proclitic before a listed word
		{"1954", qualFunction},    // a year says nothing of the name
		{"60", qualFunction},
		{"قضاء", qualDistrict},
		{"Girava", qualIsland},
		{"ilçesine", qualDistrict},    // to the district of, Turkish
		{"kasabasının", qualCity},     // of the town of
		{"kentinde", qualCity},        // in the city of
		{"iline", qualProvince},       // to the province of
		{"ilçesindeki", qualDistrict}, // in the district of
		{"northern", qualDirection},
		{"جنوب", qualDirection},
		{"باشووری", qualDirection}, // the south of, Sorani
		{"başûrê", qualDirection},  // the south of, Kurmanji
		{"güneyinde", qualDirection},
		{"Rojava", qualNone}, // Syrian Kurdistan's name; rojavayê (west of) is a direction
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

// TestDirectionIgnorable checks that a direction is left out of the words
// to meet for a town, a city, a district or a governorate only.
func TestDirectionIgnorable(t *testing.T) {
	for _, tt := range []struct {
		ek   entityKind
		want bool
	}{
		{entityKind{place: true, subtype: "city"}, true},
		{entityKind{place: true, subtype: "governorate"}, true},
		{entityKind{place: true, subtype: "region"}, false}, // North Kurdistan is not the Kurdistan Region
		{entityKind{place: true, subtype: "country"}, false},
		{entityKind{person: true}, false},
	} {
		if got := qualDirection.ignorable(tt.ek); got != tt.want {
			t.Errorf("qualDirection.ignorable(%+v) = %v, want %v", tt.ek, got, tt.want)
		}
	}
}

// TestQualifierKeysShared lists the romanised keys that words of two
// classes share, so that a new one is a decision: the class listed first
// keeps the key (see qualifiers).
func TestQualifierKeysShared(t *testing.T) {
	known := map[string]bool{"shar": true} // شار, city (Sorani); شارع, street (Arabic)
	class := map[string]qualifierClass{}
	for c, words := range qualifierWords {
		for _, w := range words {
			for _, k := range normalize.KeysOf(w).Tokens {
				if old, ok := class[k]; ok && old != c && !known[k] {
					t.Errorf("%q (%q) is a key of classes %d and %d", k, w, old, c)
				}
				class[k] = c
			}
		}
	}
	if got := qualifiers()["shar"]; got != qualCity {
		t.Errorf("shar is class %d, want qualCity", got)
	}
}

func TestSameStateSense(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Komara", "Cumhuriyeti", true},
		{"Demokratîk", "الديمقراطية", true},
		{"Republic", "Democratic", false},
		{"Kingdom", "پادشاهی", true},
		{"Kongo", "Congo", false},
	}
	for _, tt := range tests {
		a, b := normalize.KeysOf(tt.a).Tokens[0], normalize.KeysOf(tt.b).Tokens[0]
		if got := sameStateSense(a, b); got != tt.want {
			t.Errorf("sameStateSense(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestGovernmentSense(t *testing.T) {
	dowlat, hokumat := normalize.Romanised("دولت"), normalize.Romanised("حکومت")
	if !governmentSense(dowlat, hokumat) || !governmentSense(dowlat, normalize.Romanised("Government")) {
		t.Errorf("the Persian دولت does not meet a word for a government")
	}
	if governmentSense(normalize.Romanised("دولة"), normalize.Romanised("حكومة")) {
		t.Errorf("the Arabic دولة, a state, meets a word for a government")
	}
	if governmentSense(hokumat, dowlat) {
		t.Errorf("a word for a government in the query meets the name's دولت")
	}
}

// TestQualifierOfArabicScript checks that the Kurmanji and Turkish endings
// are not cut from an Arabic-script word, but the Sorani izafe is.
func TestQualifierOfArabicScript(t *testing.T) {
	for _, tt := range []struct {
		word string
		want qualifierClass
	}{
		{"کۆیە", qualNone}, // Koya: romanised koye, köy (a village) and -e in Latin letters
		{"Köye", qualCity}, // to the village, Turkish
		{"شارى", qualCity}, // the city of, its izafe typed as ى
		{"پارێزگای", qualProvince},
		{"ناصریه", qualNone}, // Nasiriyah: romanised nasri, not عناصر (members) and an izafe
	} {
		tokens := normalize.KeysOf(tt.word).Tokens
		latin := strings.ContainsFunc(tt.word, func(r rune) bool { return unicode.Is(unicode.Latin, r) })
		if got := qualifierOfScript(tokens[0], latin); got != tt.want {
			t.Errorf("qualifierOfScript(%q, %v) = %v, want %v", tt.word, latin, got, tt.want)
		}
	}
}
