package main

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// moLittle is a .mo file written by hand, little-endian: two messages, the
// header ("" → "h") and "Iraq" → "Irak". Layout: a 28-byte header, the
// original-string table at 28, the translation table at 44, the strings
// from 60.
var moLittle = []byte{
	0xde, 0x12, 0x04, 0x95, // magic
	0x00, 0x00, 0x00, 0x00, // revision 0
	0x02, 0x00, 0x00, 0x00, // 2 strings
	0x1c, 0x00, 0x00, 0x00, // originals at 28
	0x2c, 0x00, 0x00, 0x00, // translations at 44
	0x00, 0x00, 0x00, 0x00, // no hash table
	0x3c, 0x00, 0x00, 0x00, // hash table offset 60
	0x00, 0x00, 0x00, 0x00, 0x3c, 0x00, 0x00, 0x00, // "" : 0 bytes at 60
	0x04, 0x00, 0x00, 0x00, 0x3d, 0x00, 0x00, 0x00, // "Iraq": 4 bytes at 61
	0x01, 0x00, 0x00, 0x00, 0x42, 0x00, 0x00, 0x00, // "h": 1 byte at 66
	0x04, 0x00, 0x00, 0x00, 0x44, 0x00, 0x00, 0x00, // "Irak": 4 bytes at 68
	0x00,                     // 60: ""
	'I', 'r', 'a', 'q', 0x00, // 61: "Iraq"
	'h', 0x00, // 66: "h"
	'I', 'r', 'a', 'k', 0x00, // 68: "Irak"
}

// moBig is the same catalog, big-endian, plus a plural entry
// ("day\0days" → "gün\0günler") and a context ("place\x04Turkey" →
// "Türkiye"). Originals at 28, translations at 60, strings from 92.
var moBig = []byte{
	0x95, 0x04, 0x12, 0xde, // magic
	0x00, 0x00, 0x00, 0x00, // revision 0
	0x00, 0x00, 0x00, 0x04, // 4 strings
	0x00, 0x00, 0x00, 0x1c, // originals at 28
	0x00, 0x00, 0x00, 0x3c, // translations at 60
	0x00, 0x00, 0x00, 0x00, // no hash table
	0x00, 0x00, 0x00, 0x5c, // hash table offset 92
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x5c, // "": 0 bytes at 92
	0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x5d, // "Iraq": 4 bytes at 93
	0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x62, // "day\0days": 8 bytes at 98
	0x00, 0x00, 0x00, 0x0c, 0x00, 0x00, 0x00, 0x6b, // "place\x04Turkey": 12 bytes at 107
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x78, // "h": 1 byte at 120
	0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x7a, // "Irak": 4 bytes at 122
	0x00, 0x00, 0x00, 0x0c, 0x00, 0x00, 0x00, 0x7f, // "gün\0günler": 12 bytes at 127
	0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x8c, // "Türkiye": 8 bytes at 140
	0x00,                     // 92: ""
	'I', 'r', 'a', 'q', 0x00, // 93
	'd', 'a', 'y', 0x00, 'd', 'a', 'y', 's', 0x00, // 98
	'p', 'l', 'a', 'c', 'e', 0x04, 'T', 'u', 'r', 'k', 'e', 'y', 0x00, // 107
	'h', 0x00, // 120
	'I', 'r', 'a', 'k', 0x00, // 122
	'g', 0xc3, 0xbc, 'n', 0x00, 'g', 0xc3, 0xbc, 'n', 'l', 'e', 'r', 0x00, // 127
	'T', 0xc3, 0xbc, 'r', 'k', 'i', 'y', 'e', 0x00, // 140
}

func TestParseMO(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want map[string]string
	}{
		{"little-endian", moLittle, map[string]string{"": "h", "Iraq": "Irak"}},
		{"big-endian", moBig, map[string]string{"": "h", "Iraq": "Irak", "day": "gün", "place\x04Turkey": "Türkiye"}},
	} {
		got, err := parseMO(tc.data)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !maps.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestParseMOBad(t *testing.T) {
	badMagic := slices.Clone(moLittle)
	badMagic[0] = 0
	badRevision := slices.Clone(moLittle)
	badRevision[6] = 2 // major revision 2
	manyStrings := slices.Clone(moLittle)
	manyStrings[9] = 1 // 258 strings
	pastEnd := slices.Clone(moLittle)
	pastEnd[52] = 0xff // "Irak" at 68 is 255 bytes long
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "too short"},
		{"bad magic", badMagic, "bad magic"},
		{"bad revision", badRevision, "revision 2"},
		{"tables past the end", manyStrings, "do not fit"},
		{"string past the end", pastEnd, "past the end"},
		{"truncated", moLittle[:len(moLittle)-3], "past the end"},
	} {
		if _, err := parseMO(tc.data); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

func TestIsISOAlpha2(t *testing.T) {
	for code, want := range map[string]bool{
		"IQ": true, "TR": true, "GB": true, "AQ": true, "QA": true,
		"001": false, "150": false, "iq": false, "IRQ": false, "I": false,
		"ZZ": false, "EU": false, "EZ": false, "UN": false, "QO": false, "XK": false, "XA": false, "AC": false, "IC": false,
	} {
		if got := isISOAlpha2(code); got != want {
			t.Errorf("isISOAlpha2(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestBuildGlossary(t *testing.T) {
	locs := []locale{{CLDR: "en", Lang: "en"}, {CLDR: "ku", Lang: "kmr", ISO: []string{"ku", "kmr"}}}
	terr := map[string]map[string]string{
		"en": {"001": "world", "EU": "European Union", "IQ": "Iraq", "GB": "United Kingdom", "GB-alt-short": "UK", "TR": "Türkiye", "TR-alt-variant": "Turkey"},
		"ku": {"IQ": "Îraq", "GB": "Keyaniya Yekbûyî", "GB-alt-short": "Keyaniya Yekbûyî", "TR": "Türkiye"},
	}
	got, skipped := buildGlossary(terr, locs, "48")
	if want := []string{"001", "EU"}; !slices.Equal(skipped, want) {
		t.Errorf("skipped %q, want %q", skipped, want)
	}
	var ids []string
	for _, e := range got {
		ids = append(ids, e.ID)
	}
	if want := []string{"country/gb", "country/iq", "country/tr"}; !slices.Equal(ids, want) {
		t.Fatalf("ids %q, want %q", ids, want)
	}
	gb := got[0].Names
	want := []name{
		{Lang: "en", Kind: "PREFERRED", Text: "United Kingdom", Note: "CLDR 48 en GB"},
		{Lang: "en", Kind: "ALIAS", Text: "UK", Note: "CLDR 48 en GB-alt-short"},
		{Lang: "kmr", Kind: "PREFERRED", Text: "Keyaniya Yekbûyî", Note: "CLDR 48 ku GB"}, // the equal alt-short is dropped
	}
	if !slices.Equal(gb, want) {
		t.Errorf("GB names\n got %q\nwant %q", gb, want)
	}
	// The same text in two languages is two names.
	if n := len(got[2].Names); n != 3 {
		t.Errorf("TR has %d names, want 3: %q", n, got[2].Names)
	}
	var b strings.Builder
	if err := writeGlossary(&b, got[:1]); err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(b.String(), "\n"); first != "id,type,lang,kind,text,note,subtype" {
		t.Errorf("header %q", first)
	}
}

func TestQueryFiltering(t *testing.T) {
	locs := []locale{{CLDR: "en", Lang: "en"}, {CLDR: "ar", Lang: "ar", ISO: []string{"ar"}}, {CLDR: "tr", Lang: "tr", ISO: []string{"tr"}}}
	entities := []entity{{Code: "IQ", ID: "country/iq", Names: []name{
		{Lang: "en", Kind: "PREFERRED", Text: "Iraq"},
		{Lang: "ar", Kind: "PREFERRED", Text: "العراق"},
		{Lang: "tr", Kind: "PREFERRED", Text: "Irak"},
	}}}
	countries := []isoCountry{
		{Alpha2: "IQ", Name: "Iraq", OfficialName: "Republic of Iraq"},
		{Alpha2: "XX", Name: "Nowhere"},
	}
	catalogs := map[string]map[string]string{
		"ar": {"Iraq": "العراق", "Republic of Iraq": "جمهورية العراق"},
		"tr": {"Iraq": "Irak", "Republic of Iraq": "Republic of Iraq"}, // equal to the msgid: untranslated
	}
	qs, st := buildQueries(entities, countries, catalogs, locs, "4.15")
	if !slices.Equal(st.NoEntity, []string{"XX"}) {
		t.Errorf("no entity: %q", st.NoEntity)
	}
	if st.Untranslated["tr"] != 1 || st.Untranslated["ar"] != 0 {
		t.Errorf("untranslated: %v", st.Untranslated)
	}
	kept, identical := splitIdentical(qs, entities)
	texts := func(qs []query) []string {
		var out []string
		for _, q := range qs {
			out = append(out, q.Lang+":"+q.Text)
		}
		return out
	}
	if got, want := texts(kept), []string{"en:Republic of Iraq", "ar:جمهورية العراق"}; !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
	if got, want := texts(identical), []string{"en:Iraq", "ar:العراق", "tr:Irak"}; !slices.Equal(got, want) {
		t.Errorf("identical %q, want %q", got, want)
	}
	if kept[0].Source != "iso-codes 4.15 en" || kept[1].ID != "country/iq" {
		t.Errorf("row %+v", kept[0])
	}

	// A name in another language does not make a row identical.
	other := []query{{ID: "country/iq", Text: "Irak", Lang: "en"}}
	if k, i := splitIdentical(other, entities); len(k) != 1 || len(i) != 0 {
		t.Errorf("Irak in en: kept %v, identical %v", k, i)
	}

	// A row repeating an (id, lang, text) is written once.
	dup := []isoCountry{{Alpha2: "IQ", Name: "Iraq", OfficialName: "Iraq"}}
	if qs, st := buildQueries(entities, dup, catalogs, locs[:1], "4.15"); len(qs) != 1 || st.Duplicate["en"] != 1 {
		t.Errorf("duplicates: rows %v, stats %v", qs, st.Duplicate)
	}

	var b strings.Builder
	if err := writeQueries(&b, []string{"about"}, kept[:1]); err != nil {
		t.Fatal(err)
	}
	if want := "# about\ncountry/iq\tRepublic of Iraq\tPLACE\ten\tiso-codes 4.15 en\n"; b.String() != want {
		t.Errorf("tsv %q, want %q", b.String(), want)
	}
}
