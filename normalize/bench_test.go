package normalize

import "testing"

// Benchmarks of the levels and of the similarity ranking uses; compare runs
// with benchstat.

var benchNames = []string{"Lahur Sheikh Jangi Talabani", "لاهور شيخ جنكي الطالباني", "لاهور شێخ جەنگی تاڵەبانی", "Altınköprü"}

func benchLevel(b *testing.B, f func(string) string) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		f(benchNames[i%len(benchNames)])
	}
}

func BenchmarkCanonical(b *testing.B) { benchLevel(b, Canonical) }
func BenchmarkFolded(b *testing.B)    { benchLevel(b, Folded) }
func BenchmarkStripped(b *testing.B)  { benchLevel(b, Stripped) }
func BenchmarkRomanised(b *testing.B) { benchLevel(b, Romanised) }
func BenchmarkSkeleton(b *testing.B)  { benchLevel(b, Skeleton) }

func BenchmarkKeysOf(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		KeysOf(benchNames[i%len(benchNames)])
	}
}

func BenchmarkSimilarity(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Similarity("qasimsulaymani", "qasemsoleymani")
	}
}
