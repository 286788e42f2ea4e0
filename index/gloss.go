package index

import (
	"maps"
	"slices"
	"sync"

	"github.com/exonym/exonym/normalize"
)

// glossWords are the French, German, Spanish and Italian words of the names
// the European press gives the region's parties, forces and institutions
// (Parti des travailleurs du Kurdistan, Patriotische Union Kurdistans,
// Fuerzas de Movilización Popular, État islamique), by the English word
// the glossary's English names use. Where the two are spelt alike
// (démocratique, democratic) the similarity of words finds them; these
// are the words it cannot (travailleurs, workers; Staat, state), and the
// inflected forms it finds only loosely.
var glossWords = map[string][]string{
	"party":          {"parti", "partei", "partido", "partito"},
	"democratic":     {"démocratique", "demokratische", "demokratischen", "demokratischer", "democrático", "democrática", "democratico", "democratica"},
	"union":          {"unión", "unione"},
	"patriotic":      {"patriotique", "patriotische", "patriotischen", "patriótica", "patriótico", "patriottica"},
	"islamic":        {"islamique", "islamische", "islamischen", "islamischer", "islámico", "islámica", "islamico", "islamica"},
	"state":          {"état", "etat", "staat", "estado", "stato"},
	"workers":        {"travailleurs", "arbeiter", "trabajadores", "lavoratori"},
	"forces":         {"kräfte", "fuerzas", "forze"},
	"popular":        {"populaire", "popolare"},
	"people":         {"peuple", "volk", "pueblo", "popolo"},
	"mobilization":   {"mobilisation", "mobilisierung", "movilización", "mobilitazione"},
	"council":        {"conseil", "consejo", "consiglio"},
	"security":       {"sécurité", "sicherheit", "seguridad", "sicurezza"},
	"army":           {"armée", "armee", "ejército", "esercito"},
	"guard":          {"garde", "gardiens", "guardia", "guardie"},
	"revolutionary":  {"révolutionnaire", "revolutionäre", "revolutionären", "revolucionaria", "revolucionario", "rivoluzionaria"},
	"corps":          {"korps", "cuerpo", "cuerpos", "corpo"},
	"government":     {"gouvernement", "regierung", "gobierno", "governo"},
	"regional":       {"régional", "regionale"},
	"region":         {"région", "región", "regione"},
	"movement":       {"mouvement", "bewegung", "movimiento", "movimento"},
	"resistance":     {"résistance", "widerstand", "resistencia", "resistenza"},
	"front":          {"frente", "fronte"},
	"organization":   {"organización", "organizzazione"},
	"brigades":       {"brigaden", "brigadas", "brigate"},
	"kurdish":        {"kurde", "kurdes", "kurdische", "kurdischen", "kurdo", "kurda", "curdo", "curda"},
	"iraqi":          {"irakien", "irakienne", "irakische", "irakischen", "iraquí", "iracheno", "irachena"},
	"parliament":     {"parlement", "parlament", "parlamento"},
	"liberation":     {"libération", "befreiung", "liberación", "liberazione"},
	"coalition":      {"koalition", "coalición", "coalizione"},
	"alliance":       {"allianz", "alianza", "alleanza"},
	"change":         {"changement", "wandel", "cambio", "cambiamento"},
	"justice":        {"gerechtigkeit", "justicia", "giustizia"},
	"new":            {"nouvelle", "nouveau", "neue", "neuen", "nueva", "nuevo", "nuova", "nuovo"},
	"generation":     {"génération", "generación", "generazione"},
	"administration": {"verwaltung", "administración", "amministrazione"},
}

// glosses maps the romanised key of each foreign word of glossWords to the
// romanised key of its English word.
var glosses = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, en := range slices.Sorted(maps.Keys(glossWords)) {
		target := normalize.KeysOf(en).Tokens
		if len(target) != 1 {
			continue
		}
		for _, w := range glossWords[en] {
			for _, k := range normalize.KeysOf(w).Tokens {
				if k != target[0] {
					m[k] = target[0]
				}
			}
		}
	}
	return m
})

// glossOf returns the romanised English word a romanised query word
// translates, or "".
func glossOf(word string) string {
	return glosses()[word]
}
