package index

import (
	"testing"

	"github.com/exonym/exonym/normalize"
)

// Benchmarks per level on the seed glossary; compare runs with benchstat.

func benchResolve(b *testing.B, name string) {
	ix := openSeedsB(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ix.Resolve(b.Context(), Query{Text: name}); err != nil {
			b.Fatal(err)
		}
	}
}

func openSeedsB(b *testing.B) *Index {
	b.Helper()
	ix, err := seedIndex()
	if err != nil {
		b.Fatal(err)
	}
	return ix
}

func BenchmarkResolveExact(b *testing.B)     { benchResolve(b, "Kirkuk") }
func BenchmarkResolveFolded(b *testing.B)    { benchResolve(b, "KIRKUK") }
func BenchmarkResolveArabic(b *testing.B)    { benchResolve(b, "كركوك") }
func BenchmarkResolveRomanised(b *testing.B) { benchResolve(b, "Silemani") }
func BenchmarkResolveSkeleton(b *testing.B)  { benchResolve(b, "Qasim Sulaimani") }
func BenchmarkResolveFuzzy(b *testing.B)     { benchResolve(b, "Kirkik") }
func BenchmarkResolveMiss(b *testing.B)      { benchResolve(b, "Kirkby") }
func BenchmarkResolvePartial(b *testing.B)   { benchResolve(b, "Talabani") }

func BenchmarkCandidateRanking(b *testing.B) {
	p := prepare("Qassem Suleimani")
	flat := func(string) float64 { return 1 }
	b.ReportAllocs()
	for b.Loop() {
		p.match("قاسم سليماني", 0, entityKind{person: true}, flat)
	}
}

func BenchmarkKeysLatin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		normalize.KeysOf("Lahur Sheikh Jangi Talabani")
	}
}

func BenchmarkKeysArabic(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		normalize.KeysOf("لاهور شيخ جنكي الطالباني")
	}
}
