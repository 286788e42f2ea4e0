// Package glossary is exonym's domain: entities (places, persons,
// organisations), their names in every language, and the YAML and CSV files
// they are kept in. Loading validates the whole glossary and reports every
// problem at once, each with its file and line. The package knows nothing of
// the index or the API; where it needs a match key (to report collisions),
// the caller passes the function in.
package glossary

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Type is what an entity is.
type Type int

// The entity types. The zero value is not a valid type.
const (
	TypeUnknown Type = iota
	TypePlace
	TypePerson
	TypeOrganization
)

var typeNames = map[Type]string{TypePlace: "PLACE", TypePerson: "PERSON", TypeOrganization: "ORGANIZATION"}

// String returns the type as written in glossary files: PLACE, PERSON or
// ORGANIZATION.
func (t Type) String() string {
	if s, ok := typeNames[t]; ok {
		return s
	}
	return "UNKNOWN"
}

// ParseType parses PLACE, PERSON or ORGANIZATION, in any case.
func ParseType(s string) (Type, error) {
	for t, name := range typeNames {
		if strings.EqualFold(s, name) {
			return t, nil
		}
	}
	return TypeUnknown, fmt.Errorf("unknown type %q: want PLACE, PERSON or ORGANIZATION", s)
}

// Kind is the role a name plays for its entity.
type Kind int

// The name kinds. The zero value is not a valid kind.
const (
	KindUnknown Kind = iota
	KindPreferred
	KindAlias
	KindAbbreviation
	KindTransliteration
	KindHistorical
	KindMisspelling
)

var kindNames = map[Kind]string{
	KindPreferred: "PREFERRED", KindAlias: "ALIAS", KindAbbreviation: "ABBREVIATION",
	KindTransliteration: "TRANSLITERATION", KindHistorical: "HISTORICAL", KindMisspelling: "MISSPELLING",
}

// String returns the kind as written in glossary files.
func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return "UNKNOWN"
}

// ParseKind parses a kind such as PREFERRED or ALIAS, in any case.
func ParseKind(s string) (Kind, error) {
	for k, name := range kindNames {
		if strings.EqualFold(s, name) {
			return k, nil
		}
	}
	return KindUnknown, fmt.Errorf("unknown kind %q: want PREFERRED, ALIAS, ABBREVIATION, TRANSLITERATION, HISTORICAL or MISSPELLING", s)
}

// RelationTypes are the relation types a glossary may use.
var RelationTypes = []string{"located-in", "part-of", "capital-of", "member-of", "leader-of", "founder-of", "relative-of", "affiliated-with"}

// Name is one name of an entity.
type Name struct {
	Text string
	Lang language.Tag
	Kind Kind
	Note string
}

// Relation links an entity to another by id.
type Relation struct {
	Type   string
	Target string
}

// Entity is a place, person or organisation and every name it goes by.
type Entity struct {
	ID           string
	Type         Type
	Subtype      string
	Names        []Name
	Descriptions map[string]string
	Relations    []Relation
	ExternalIDs  map[string]string
	Sources      []string
}

// DisplayName returns the English preferred name, or the first name.
func (e *Entity) DisplayName() string {
	if n, ok := e.Preferred(language.English); ok {
		return n.Text
	}
	if len(e.Names) > 0 {
		return e.Names[0].Text
	}
	return e.ID
}

// Preferred returns the preferred name in a language.
func (e *Entity) Preferred(lang language.Tag) (Name, bool) {
	for _, n := range e.Names {
		if n.Kind == KindPreferred && n.Lang == lang {
			return n, true
		}
	}
	return Name{}, false
}

// Related returns the ids e points to with a relation of the given type.
func (e *Entity) Related(relType string) []string {
	var ids []string
	for _, r := range e.Relations {
		if r.Type == relType {
			ids = append(ids, r.Target)
		}
	}
	return ids
}

// Glossary is a validated set of entities, sorted by id.
type Glossary struct {
	Entities []Entity
}

// Get returns the entity with the given id.
func (g *Glossary) Get(id string) (*Entity, bool) {
	i, ok := slices.BinarySearchFunc(g.Entities, id, func(e Entity, id string) int { return cmp.Compare(e.ID, id) })
	if !ok {
		return nil, false
	}
	return &g.Entities[i], true
}

// NameCount returns the number of names in the glossary.
func (g *Glossary) NameCount() int {
	n := 0
	for _, e := range g.Entities {
		n += len(e.Names)
	}
	return n
}

// Hash returns a content hash of the glossary: equal for equal content,
// whatever files or order it was loaded from.
func (g *Glossary) Hash() string {
	h := sha256.New()
	enc := json.NewEncoder(h)
	for _, e := range g.Entities {
		if err := enc.Encode(entityJSON(e)); err != nil {
			panic(err) // a map and strings always encode
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// EntityRecord is the stable serialised form of an entity (map keys sorted
// by encoding/json), used for hashing and for storing entities in the index.
type EntityRecord struct {
	ID           string            `json:"id"`
	Type         string            `json:"type"`
	Subtype      string            `json:"subtype,omitempty"`
	Names        []NameRecord      `json:"names"`
	Descriptions map[string]string `json:"descriptions,omitempty"`
	Relations    []RelationRecord  `json:"relations,omitempty"`
	ExternalIDs  map[string]string `json:"external_ids,omitempty"`
	Sources      []string          `json:"sources,omitempty"`
}

// NameRecord is the serialised form of a Name.
type NameRecord struct {
	Text string `json:"text" yaml:"text"`
	Lang string `json:"lang" yaml:"lang"`
	Kind string `json:"kind" yaml:"kind"`
	Note string `json:"note,omitempty" yaml:"note,omitempty"`
}

// RelationRecord is the serialised form of a Relation.
type RelationRecord struct {
	Type   string `json:"type" yaml:"type"`
	Target string `json:"target" yaml:"target"`
}

func entityJSON(e Entity) EntityRecord {
	r := EntityRecord{
		ID: e.ID, Type: e.Type.String(), Subtype: e.Subtype,
		Descriptions: e.Descriptions, ExternalIDs: e.ExternalIDs, Sources: e.Sources,
	}
	for _, n := range e.Names {
		r.Names = append(r.Names, NameRecord{Text: n.Text, Lang: n.Lang.String(), Kind: n.Kind.String(), Note: n.Note})
	}
	for _, rel := range e.Relations {
		r.Relations = append(r.Relations, RelationRecord(rel))
	}
	return r
}

// Record returns the serialised form of e.
func (e *Entity) Record() EntityRecord { return entityJSON(*e) }

// FromRecord parses a serialised entity; it is the inverse of Record.
func FromRecord(r EntityRecord) (Entity, error) {
	t, err := ParseType(r.Type)
	if err != nil {
		return Entity{}, err
	}
	e := Entity{ID: r.ID, Type: t, Subtype: r.Subtype, Descriptions: r.Descriptions, ExternalIDs: r.ExternalIDs, Sources: r.Sources}
	for _, n := range r.Names {
		k, err := ParseKind(n.Kind)
		if err != nil {
			return Entity{}, err
		}
		tag, err := language.Parse(n.Lang)
		if err != nil {
			return Entity{}, fmt.Errorf("name %q: %w", n.Text, err)
		}
		e.Names = append(e.Names, Name{Text: n.Text, Lang: tag, Kind: k, Note: n.Note})
	}
	for _, rel := range r.Relations {
		e.Relations = append(e.Relations, Relation(rel))
	}
	return e, nil
}

// Collision is one key shared by names of several entities.
type Collision struct {
	Key      string
	Entities []string // sorted ids
	Names    []string // the names that share the key, as written
}

// Collisions lists every key that names of two or more entities share, by
// the key function given (for example normalize.Folded). Misspellings are
// left out. Shared names are not errors: a family name or a city and its
// governorate may share one.
func (g *Glossary) Collisions(key func(string) string) []Collision {
	type group struct {
		ids   map[string]bool
		names map[string]bool
	}
	groups := map[string]*group{}
	for _, e := range g.Entities {
		for _, n := range e.Names {
			if n.Kind == KindMisspelling {
				continue
			}
			k := key(n.Text)
			gr := groups[k]
			if gr == nil {
				gr = &group{ids: map[string]bool{}, names: map[string]bool{}}
				groups[k] = gr
			}
			gr.ids[e.ID] = true
			gr.names[n.Text] = true
		}
	}
	var out []Collision
	for k, gr := range groups {
		if len(gr.ids) < 2 {
			continue
		}
		c := Collision{Key: k}
		for id := range gr.ids {
			c.Entities = append(c.Entities, id)
		}
		for n := range gr.names {
			c.Names = append(c.Names, n)
		}
		slices.Sort(c.Entities)
		slices.Sort(c.Names)
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Collision) int { return cmp.Compare(a.Key, b.Key) })
	return out
}
