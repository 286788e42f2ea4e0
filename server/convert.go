package server

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/index"
	"github.com/exonym/exonym/normalize"
	exonymv1 "github.com/exonym/exonym/proto/exonym/v1"
)

// This file is the one place where wire types meet domain types.

// badRequest is an error in what the client sent; it becomes InvalidArgument.
type badRequest struct{ msg string }

func (e *badRequest) Error() string { return e.msg }

func invalid(format string, args ...any) error { return &badRequest{msg: fmt.Sprintf(format, args...)} }

// checkName validates a name or query field.
func checkName(field, s string) error {
	switch {
	case s == "" || strings.TrimSpace(s) == "":
		return invalid("%s is empty: send the name to look up, such as \"Kirkuk\" or \"کەرکووک\"", field)
	case len(s) > glossary.MaxNameBytes:
		return invalid("%s is %d bytes: the limit is %d; send one name, not a text", field, len(s), glossary.MaxNameBytes)
	case !utf8.ValidString(s):
		return invalid("%s is not valid UTF-8: send text encoded as UTF-8", field)
	}
	return nil
}

// parseLang parses an optional BCP 47 hint.
func parseLang(field, s string) (language.Tag, error) {
	if s == "" {
		return language.Und, nil
	}
	tag, err := glossary.ParseLang(s)
	if err != nil {
		return language.Und, invalid("%s: %v", field, err)
	}
	return tag, nil
}

// typesFromProto converts type filters, rejecting unknown values.
func typesFromProto(field string, ts []exonymv1.EntityType) ([]glossary.Type, error) {
	var out []glossary.Type
	for _, t := range ts {
		switch t {
		case exonymv1.EntityType_ENTITY_TYPE_PLACE:
			out = append(out, glossary.TypePlace)
		case exonymv1.EntityType_ENTITY_TYPE_PERSON:
			out = append(out, glossary.TypePerson)
		case exonymv1.EntityType_ENTITY_TYPE_ORGANIZATION:
			out = append(out, glossary.TypeOrganization)
		default:
			return nil, invalid("%s: unknown entity type %d: use ENTITY_TYPE_PLACE, ENTITY_TYPE_PERSON or ENTITY_TYPE_ORGANIZATION", field, int32(t))
		}
	}
	return out, nil
}

func typeToProto(t glossary.Type) exonymv1.EntityType {
	switch t {
	case glossary.TypePlace:
		return exonymv1.EntityType_ENTITY_TYPE_PLACE
	case glossary.TypePerson:
		return exonymv1.EntityType_ENTITY_TYPE_PERSON
	case glossary.TypeOrganization:
		return exonymv1.EntityType_ENTITY_TYPE_ORGANIZATION
	}
	return exonymv1.EntityType_ENTITY_TYPE_UNSPECIFIED
}

func kindToProto(k glossary.Kind) exonymv1.NameKind {
	switch k {
	case glossary.KindPreferred:
		return exonymv1.NameKind_NAME_KIND_PREFERRED
	case glossary.KindAlias:
		return exonymv1.NameKind_NAME_KIND_ALIAS
	case glossary.KindAbbreviation:
		return exonymv1.NameKind_NAME_KIND_ABBREVIATION
	case glossary.KindTransliteration:
		return exonymv1.NameKind_NAME_KIND_TRANSLITERATION
	case glossary.KindHistorical:
		return exonymv1.NameKind_NAME_KIND_HISTORICAL
	case glossary.KindMisspelling:
		return exonymv1.NameKind_NAME_KIND_MISSPELLING
	}
	return exonymv1.NameKind_NAME_KIND_UNSPECIFIED
}

func matchToProto(m index.MatchKind) exonymv1.MatchKind {
	switch m {
	case index.MatchExact:
		return exonymv1.MatchKind_MATCH_KIND_EXACT
	case index.MatchCanonical:
		return exonymv1.MatchKind_MATCH_KIND_CANONICAL
	case index.MatchFolded:
		return exonymv1.MatchKind_MATCH_KIND_FOLDED
	case index.MatchStripped:
		return exonymv1.MatchKind_MATCH_KIND_STRIPPED
	case index.MatchRomanised:
		return exonymv1.MatchKind_MATCH_KIND_ROMANISED
	case index.MatchSkeleton:
		return exonymv1.MatchKind_MATCH_KIND_SKELETON
	case index.MatchFuzzy:
		return exonymv1.MatchKind_MATCH_KIND_FUZZY
	case index.MatchPartial:
		return exonymv1.MatchKind_MATCH_KIND_PARTIAL
	}
	return exonymv1.MatchKind_MATCH_KIND_UNSPECIFIED
}

// maxLimit caps limits and page sizes.
const maxLimit = 100

func checkLimit(field string, n int32, def int) (int, error) {
	switch {
	case n < 0:
		return 0, invalid("%s is %d: send 0 for the default (%d) or a number up to %d", field, n, def, maxLimit)
	case n == 0:
		return def, nil
	case n > maxLimit:
		return 0, invalid("%s is %d: the most is %d", field, n, maxLimit)
	}
	return int(n), nil
}

// queryFromResolve checks a ResolveRequest and makes it an index query.
func queryFromResolve(req *exonymv1.ResolveRequest) (index.Query, error) {
	if req == nil {
		return index.Query{}, invalid("request is empty: set name")
	}
	if err := checkName("name", req.GetName()); err != nil {
		return index.Query{}, err
	}
	lang, err := parseLang("lang", req.GetLang())
	if err != nil {
		return index.Query{}, err
	}
	types, err := typesFromProto("types", req.GetTypes())
	if err != nil {
		return index.Query{}, err
	}
	limit, err := checkLimit("limit", req.GetLimit(), 5)
	if err != nil {
		return index.Query{}, err
	}
	return index.Query{Text: req.GetName(), Lang: lang, Types: types, Limit: limit, Explain: req.GetExplain()}, nil
}

func candidateToProto(c index.Candidate) *exonymv1.Candidate {
	return &exonymv1.Candidate{
		EntityId:    c.EntityID,
		Type:        typeToProto(c.Type),
		Subtype:     c.Subtype,
		DisplayName: c.DisplayName,
		MatchedName: c.MatchedName,
		MatchedLang: c.MatchedLang,
		MatchKind:   matchToProto(c.Match),
		Score:       c.Score,
		Explanation: c.Explanation,
	}
}

func resultToProto(r index.Result) *exonymv1.ResolveResponse {
	out := &exonymv1.ResolveResponse{Query: r.Query, ResolvedId: r.ResolvedID, Ambiguous: r.Ambiguous}
	for _, c := range r.Candidates {
		out.Candidates = append(out.Candidates, candidateToProto(c))
	}
	return out
}

// entityToProto converts an entity; misspellings are never shown.
func entityToProto(e *glossary.Entity) *exonymv1.Entity {
	out := &exonymv1.Entity{
		Id:           e.ID,
		Type:         typeToProto(e.Type),
		Subtype:      e.Subtype,
		Descriptions: e.Descriptions,
		ExternalIds:  e.ExternalIDs,
		Sources:      e.Sources,
		DisplayName:  e.DisplayName(),
	}
	for _, n := range e.Names {
		if n.Kind == glossary.KindMisspelling {
			continue
		}
		out.Names = append(out.Names, &exonymv1.Name{Text: n.Text, Lang: n.Lang.String(), Kind: kindToProto(n.Kind), Note: n.Note})
	}
	for _, r := range e.Relations {
		out.Relations = append(out.Relations, &exonymv1.Relation{Type: r.Type, TargetId: r.Target})
	}
	return out
}

// variantsOf groups an entity's names by language, preferred first, for
// Expand. Misspellings are left out.
func variantsOf(e *glossary.Entity) []*exonymv1.Variants {
	byLang := map[string][]glossary.Name{}
	for _, n := range e.Names {
		if n.Kind != glossary.KindMisspelling {
			byLang[n.Lang.String()] = append(byLang[n.Lang.String()], n)
		}
	}
	langs := make([]string, 0, len(byLang))
	for l := range byLang {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	out := make([]*exonymv1.Variants, 0, len(langs))
	for _, l := range langs {
		names := byLang[l]
		slices.SortStableFunc(names, func(a, b glossary.Name) int { return int(a.Kind) - int(b.Kind) })
		v := &exonymv1.Variants{Lang: l}
		for _, n := range names {
			if !slices.Contains(v.Names, n.Text) {
				v.Names = append(v.Names, n.Text)
			}
		}
		out = append(out, v)
	}
	return out
}

// translation returns an entity's name in a target language: the preferred
// one, or failing that the first name whose language matches the target's
// base (ckb for ckb-Latn is not taken: the script differs).
func translation(e *glossary.Entity, target language.Tag) *exonymv1.Translation {
	t := &exonymv1.Translation{Lang: target.String()}
	var alts []string
	for _, n := range e.Names {
		if n.Lang != target || n.Kind == glossary.KindMisspelling {
			continue
		}
		if n.Kind == glossary.KindPreferred && t.Text == "" {
			t.Text, t.Note = n.Text, n.Note
			continue
		}
		alts = append(alts, n.Text)
	}
	if t.Text == "" && len(alts) > 0 {
		t.Text, alts = alts[0], alts[1:]
	}
	t.Alternatives = alts
	return t
}

func levelToProto(l normalize.Level) exonymv1.MatchKind {
	switch l {
	case normalize.LevelExact:
		return exonymv1.MatchKind_MATCH_KIND_EXACT
	case normalize.LevelCanonical:
		return exonymv1.MatchKind_MATCH_KIND_CANONICAL
	case normalize.LevelFolded:
		return exonymv1.MatchKind_MATCH_KIND_FOLDED
	case normalize.LevelStripped:
		return exonymv1.MatchKind_MATCH_KIND_STRIPPED
	case normalize.LevelRomanised:
		return exonymv1.MatchKind_MATCH_KIND_ROMANISED
	case normalize.LevelSkeleton:
		return exonymv1.MatchKind_MATCH_KIND_SKELETON
	}
	return exonymv1.MatchKind_MATCH_KIND_UNSPECIFIED
}
