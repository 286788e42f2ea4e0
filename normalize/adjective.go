package normalize

import (
	"slices"
	"strings"
)

// Official names of states are often built on an adjective of the short
// name rather than the name itself: Syrian Arab Republic (Syria), Italian
// Republic (Italy), الجمهورية اللبنانية (Lebanon, لبنان), الجمهورية
// الإسلامية الإيرانية (Iran, إيران), United Mexican States (Mexico).
// AdjectiveOf recognises such an adjective by the endings English, Arabic,
// Persian, Kurdish and Turkish form them with, compared on romanised words
// (the keys of KeysOf), so that one rule serves every script.

// adjectiveEndings are the endings that make an adjective of a name:
// English -n, -an, -ian, -ese, -uese, -lese, -ish, -ic, -i; the Arabic nisba
// -i, -iya (-ya after a vowel) and its construct form -iyat; the Persian and
// Kurdish -i; the Turkish -li.
var adjectiveEndings = []string{"n", "an", "ian", "ese", "uese", "lese", "ish", "ic", "i", "iya", "ya", "iyat", "li"}

// nameEndings are the endings a name loses before an adjective ending:
// Syria → Syrian, Italy → Italian, Lebanon → Lebanese, Mexico → Mexican,
// Portugal → Portuguese, Rwanda → Rwandese.
var nameEndings = []string{"", "a", "e", "i", "o", "u", "y", "ya", "ia", "on", "al"}

// stanEndings are the endings of a name whose adjective is the name without
// them (Kyrgyz of Kyrgyzstan, Uzbek of Uzbekistan).
var stanEndings = []string{"stan", "istan"}

// minAdjectiveStem is the fewest letters adjective and name must share:
// fewer meet by chance.
const minAdjectiveStem = 3

// AdjectiveOf reports whether the romanised word adj is an adjective formed
// from the romanised word name: syrian of syriya (Syria), italian of italy,
// lbnaniya of lbnan (اللبنانية, لبنان), iraniya of iran. A word is not an
// adjective of itself.
func AdjectiveOf(adj, name string) bool {
	if adj == name || len(name) < minAdjectiveStem {
		return false
	}
	if len(adj) >= minAdjectiveStem && strings.HasPrefix(name, adj) && slices.Contains(stanEndings, name[len(adj):]) {
		return true
	}
	for _, end := range adjectiveEndings {
		base, ok := strings.CutSuffix(adj, end)
		if !ok || len(base) < minAdjectiveStem || !strings.HasPrefix(name, base) {
			continue
		}
		if rest := name[len(base):]; slices.Contains(nameEndings, rest) || slices.Contains(stanEndings, rest) {
			return true // Kurdish of Kurdistan, as Kyrgyz of Kyrgyzstan
		}
	}
	return false
}

// AdjectiveNames returns the romanised words adj may be an adjective of (see
// AdjectiveOf), to be looked up: italy, itala, … for italian. Most are not
// words at all.
func AdjectiveNames(adj string) []string {
	var out []string
	if len(adj) >= minAdjectiveStem {
		for _, end := range stanEndings {
			out = append(out, adj+end)
		}
	}
	for _, end := range adjectiveEndings {
		base, ok := strings.CutSuffix(adj, end)
		if !ok || len(base) < minAdjectiveStem {
			continue
		}
		for _, nameEnd := range slices.Concat(nameEndings, stanEndings) {
			if name := base + nameEnd; name != adj && !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return out
}
