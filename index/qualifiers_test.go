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
