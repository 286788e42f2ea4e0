package index

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/normalize"
	"github.com/exonym/exonym/seeds"
)

// TestRecordRoundTrip encodes and decodes every entity of the seed
// glossary with its names' keys.
func TestRecordRoundTrip(t *testing.T) {
	g, err := glossary.Load(seeds.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	tags := &tagCache{}
	for i := range g.Entities {
		e := &g.Entities[i]
		keys := make([]normalize.Keys, len(e.Names))
		for j, n := range e.Names {
			keys[j] = normalize.KeysOf(n.Text)
		}
		en, err := decodeRecord(encodeRecord(e, keys), tags)
		if err != nil {
			t.Fatalf("%s: %v", e.ID, err)
		}
		if diff := cmp.Diff(e.Record(), en.e.Record()); diff != "" {
			t.Errorf("%s: entity changed (-want +got):\n%s", e.ID, diff)
		}
		if diff := cmp.Diff(keys, en.keys, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: keys changed (-want +got):\n%s", e.ID, diff)
		}
	}
}

// TestRecordDamaged checks that a truncated or altered record is an error.
func TestRecordDamaged(t *testing.T) {
	e := &glossary.Entity{ID: "place/x", Type: glossary.TypePlace, Names: []glossary.Name{{Text: "Kirkuk", Kind: glossary.KindPreferred}}}
	rec := encodeRecord(e, []normalize.Keys{normalize.KeysOf("Kirkuk")})
	for _, tt := range []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"other version", append([]byte{recordVersion + 1}, rec[1:]...)},
		{"truncated", rec[:len(rec)/2]},
		{"extra bytes", append(append([]byte(nil), rec...), 1, 2)},
		{"huge length", []byte{recordVersion, 0xff, 0xff, 0xff, 0xff, 0x0f}},
	} {
		if _, err := decodeRecord(tt.b, &tagCache{}); err == nil {
			t.Errorf("%s: decoded without error", tt.name)
		}
	}
}

// FuzzDecodeRecord checks that no stored bytes make the decoder panic.
func FuzzDecodeRecord(f *testing.F) {
	e := &glossary.Entity{ID: "place/x", Type: glossary.TypePlace, Subtype: "city",
		Names:     []glossary.Name{{Text: "کەرکووک", Kind: glossary.KindPreferred}},
		Relations: []glossary.Relation{{Type: "capital-of", Target: "place/y"}}}
	f.Add(encodeRecord(e, []normalize.Keys{normalize.KeysOf("کەرکووک")}))
	f.Add([]byte{recordVersion})
	f.Fuzz(func(t *testing.T, b []byte) {
		decodeRecord(b, &tagCache{})
	})
}

func TestDeletions(t *testing.T) {
	for _, tt := range []struct {
		word string
		want []string
	}{
		{"kir", nil},
		{"kirk", []string{"kirk", "irk", "krk", "kik", "kir"}},
		{"erbil", []string{"erbil", "rbil", "ebil", "eril", "erbl", "erbi"}},
		{"mosul", []string{"mosul", "osul", "msul", "moul", "mosl", "mosu"}},
	} {
		if diff := cmp.Diff(tt.want, deletions(tt.word)); diff != "" {
			t.Errorf("deletions(%q) (-want +got):\n%s", tt.word, diff)
		}
	}
	// A typo of each kind shares a form with the word.
	for _, typo := range []string{"kirkuk", "kirkk", "kirkuuk", "kikruk", "kirkak"} {
		if !shareForm(deletions("kirkuk"), deletions(typo)) {
			t.Errorf("kirkuk and %q share no form", typo)
		}
	}
}

func shareForm(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func FuzzDecodePrefixTable(f *testing.F) {
	b := newPrefixBuilder()
	b.add(prefixEntry{kind: 'f', prefix: "kir", id: "place/kirkuk", name: 0, rank: 6})
	b.add(prefixEntry{kind: 'r', prefix: "kir", id: "place/kirkuk", name: 1, rank: 2006})
	f.Add(b.encode())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		tab, err := decodePrefixTable(b)
		if err != nil {
			return
		}
		for _, k := range []string{"fkir", "rkir", "", "f"} {
			for _, r := range tab.list(k) {
				tab.id(r.id)
			}
		}
	})
}
