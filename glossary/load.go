package glossary

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"golang.org/x/text/language"
)

// MaxNameBytes is the longest name a glossary may hold, and the longest
// query the service accepts.
const MaxNameBytes = 1024

// Problem is one thing wrong in a glossary file.
type Problem struct {
	File string
	Line int
	Msg  string
}

// String returns "file:line: message".
func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// ValidationError lists every Problem found; Error prints one per line.
type ValidationError struct{ Problems []Problem }

// Error returns the problems, one per line.
func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// source is an entity together with where it was read, for messages.
type source struct {
	Entity
	file      string
	line      int
	nameLines []int
	relLines  []int
}

// Loader reads glossary files from a file system and validates them
// together. Add files, then call Glossary.
type Loader struct {
	fsys     fs.FS
	entities []source
	problems []Problem
	langs    map[string]language.Tag // parsed language tags, which rows repeat
}

// NewLoader returns a Loader reading from fsys (os.DirFS("/") for the local
// disk, or an embed.FS).
func NewLoader(fsys fs.FS) *Loader { return &Loader{fsys: fsys} }

// Load reads every glossary file under the given paths (files or folders)
// of fsys and validates the whole: *.yaml and *.yml as YAML, *.csv as CSV.
func Load(fsys fs.FS, paths ...string) (*Glossary, error) {
	l := NewLoader(fsys)
	for _, p := range paths {
		if err := l.Add(p); err != nil {
			return nil, err
		}
	}
	return l.Glossary()
}

// Add reads a file, or every glossary file in a folder, recursively and in
// name order. Problems in the content are kept for Glossary; the error is
// for files that cannot be read.
func (l *Loader) Add(name string) error { return l.addFrom(l.fsys, name, "") }

// AddOS reads a file or folder of the local disk, given by an OS path
// (relative or absolute); messages name it as given.
func (l *Loader) AddOS(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("glossary: %w", err)
	}
	dir, base := filepath.Split(abs)
	return l.addFrom(os.DirFS(dir), base, filepath.Dir(filepath.Clean(path)))
}

// addFrom reads name from fsys; display, when set, is the OS folder the
// name is shown under in messages.
func (l *Loader) addFrom(fsys fs.FS, name, display string) error {
	show := func(p string) string {
		if display == "" {
			return p
		}
		return filepath.Join(display, filepath.FromSlash(p))
	}
	files, err := listFiles(fsys, name, show)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := l.addFile(fsys, f, show(f)); err != nil {
			return err
		}
	}
	return nil
}

// listFiles returns name if it is a file, or every glossary file under it,
// in name order, if it is a folder. show turns a name into the one messages
// use.
func listFiles(fsys fs.FS, name string, show func(string) string) ([]string, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("glossary: %s: %w", show(name), unwrapPath(err))
	}
	if !info.IsDir() {
		return []string{name}, nil
	}
	var files []string
	err = fs.WalkDir(fsys, name, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && isGlossaryFile(p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("glossary: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("glossary: %s holds no .yaml, .yml or .csv file", show(name))
	}
	return files, nil
}

// unwrapPath drops the path of a *fs.PathError, which names the file in the
// file system's terms rather than the user's.
func unwrapPath(err error) error {
	var perr *fs.PathError
	if errors.As(err, &perr) {
		return perr.Err
	}
	return err
}

func isGlossaryFile(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".yaml", ".yml", ".csv":
		return true
	}
	return false
}

func (l *Loader) addFile(fsys fs.FS, name, shown string) error {
	switch strings.ToLower(path.Ext(name)) {
	case ".csv", ".yaml", ".yml":
	default:
		return fmt.Errorf("glossary: %s: unknown format; use .yaml, .yml or .csv", shown)
	}
	if strings.ToLower(path.Ext(name)) == ".csv" {
		// A CSV glossary may be large: it is read as a stream.
		f, err := fsys.Open(name)
		if err != nil {
			return fmt.Errorf("glossary: %s: %w", shown, unwrapPath(err))
		}
		defer f.Close()
		l.addCSV(shown, bufio.NewReaderSize(f, 1<<20))
		return nil
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("glossary: %s: %w", shown, unwrapPath(err))
	}
	if !utf8.Valid(data) {
		l.problem(shown, 0, "not valid UTF-8: save the file as UTF-8")
		return nil
	}
	l.addYAML(shown, data)
	return nil
}

func (l *Loader) problem(file string, line int, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// decodeNode decodes a YAML node into v, strictly. The YAML library has
// panicked on some malformed input (a tag with no node after it, found by
// FuzzLoadYAML); that is returned as a *nodePanic.
func decodeNode(n ast.Node, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &nodePanic{value: r}
		}
	}()
	return yaml.NodeToValue(n, v, yaml.Strict())
}

// parseYAML parses a YAML file; a panic of the library is returned as a
// *nodePanic, as in decodeNode.
func parseYAML(data []byte) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, &nodePanic{value: r}
		}
	}()
	return parser.ParseBytes(data, 0)
}

// nodePanic is a panic of the YAML library while parsing or decoding.
type nodePanic struct{ value any }

func (p *nodePanic) Error() string { return fmt.Sprintf("YAML decoder failed: %v", p.value) }

// yamlEntity is an entity as written in YAML.
type yamlEntity struct {
	ID           string            `yaml:"id"`
	Type         string            `yaml:"type"`
	Subtype      string            `yaml:"subtype"`
	Names        []NameRecord      `yaml:"names"`
	Descriptions map[string]string `yaml:"descriptions"`
	Relations    []RelationRecord  `yaml:"relations"`
	ExternalIDs  map[string]string `yaml:"external_ids"`
	Sources      []string          `yaml:"sources"`
}

func (l *Loader) addYAML(file string, data []byte) {
	f, err := parseYAML(data)
	var perr *nodePanic
	if errors.As(err, &perr) {
		l.problem(file, 0, "the file cannot be read (%v): check its YAML syntax", perr.value)
		return
	}
	if err != nil {
		l.yamlProblem(file, err)
		return
	}
	for _, doc := range f.Docs {
		switch body := doc.Body.(type) {
		case nil:
		case *ast.SequenceNode:
			for _, v := range body.Values {
				l.addYAMLEntity(file, v)
			}
		case *ast.MappingNode, *ast.MappingValueNode:
			l.addYAMLEntity(file, body)
		default:
			l.problem(file, line(body), "want a list of entities or one entity, found %s", body.Type())
		}
	}
}

func (l *Loader) yamlProblem(file string, err error) {
	var yerr yaml.Error
	if errors.As(err, &yerr) && yerr.GetToken() != nil {
		l.problem(file, yerr.GetToken().Position.Line, "%s", yerr.GetMessage())
		return
	}
	l.problem(file, 0, "%v", err)
}

func line(n ast.Node) int {
	if n == nil || n.GetToken() == nil {
		return 0
	}
	return n.GetToken().Position.Line
}

// childLines returns the line of each item of the sequence under key in a
// mapping node.
func childLines(n ast.Node, key string) []int {
	m, ok := n.(*ast.MappingNode)
	if !ok {
		return nil
	}
	for _, kv := range m.Values {
		if kv.Key.String() != key {
			continue
		}
		seq, ok := kv.Value.(*ast.SequenceNode)
		if !ok {
			return nil
		}
		lines := make([]int, len(seq.Values))
		for i, v := range seq.Values {
			lines[i] = line(v)
		}
		return lines
	}
	return nil
}

func (l *Loader) addYAMLEntity(file string, n ast.Node) {
	var y yamlEntity
	if err := decodeNode(n, &y); err != nil {
		var perr *nodePanic
		if errors.As(err, &perr) {
			l.problem(file, line(n), "this entity cannot be read (%v): check its YAML syntax", perr.value)
			return
		}
		l.yamlProblem(file, err)
		return
	}
	at := line(n)
	if m, ok := n.(*ast.MappingNode); ok && len(m.Values) > 0 {
		at = line(m.Values[0].Key)
	}
	src := source{file: file, line: at, nameLines: childLines(n, "names"), relLines: childLines(n, "relations")}
	src.ID = y.ID
	src.Subtype = y.Subtype
	src.Descriptions = y.Descriptions
	src.ExternalIDs = y.ExternalIDs
	src.Sources = y.Sources
	if y.Type == "" {
		l.problem(file, at, "entity %q has no type: add type: PLACE, PERSON or ORGANIZATION", y.ID)
	} else if t, err := ParseType(y.Type); err != nil {
		l.problem(file, at, "entity %q: %v", y.ID, err)
	} else {
		src.Type = t
	}
	for i, nr := range y.Names {
		ln := at
		if i < len(src.nameLines) {
			ln = src.nameLines[i]
		}
		if name, ok := l.parseName(file, ln, nr); ok {
			src.Names = append(src.Names, name)
		}
	}
	for _, r := range y.Relations {
		src.Relations = append(src.Relations, Relation(r))
	}
	l.entities = append(l.entities, src)
}

// parseName checks one name's fields.
func (l *Loader) parseName(file string, ln int, nr NameRecord) (Name, bool) {
	ok := true
	text := strings.TrimSpace(nr.Text)
	switch {
	case text == "":
		l.problem(file, ln, "empty name: every name needs text")
		ok = false
	case len(text) > MaxNameBytes:
		l.problem(file, ln, "name of %d bytes: the limit is %d", len(text), MaxNameBytes)
		ok = false
	}
	tag, known := l.langs[nr.Lang]
	if !known {
		var err error
		if tag, err = ParseLang(nr.Lang); err != nil {
			l.problem(file, ln, "name %q: %v", text, err)
			ok = false
		} else {
			if l.langs == nil {
				l.langs = map[string]language.Tag{}
			}
			l.langs[strings.Clone(nr.Lang)] = tag
		}
	}
	kind, err := ParseKind(nr.Kind)
	if err != nil {
		l.problem(file, ln, "name %q: %v", text, err)
		ok = false
	}
	return Name{Text: text, Lang: tag, Kind: kind, Note: nr.Note}, ok
}

// ParseLang parses a BCP 47 tag and checks that its language is one x/text
// knows (en, ar, ckb, kmr, tr, fa, ...).
func ParseLang(s string) (language.Tag, error) {
	if s == "" {
		return language.Und, errors.New("no language: add lang, a BCP 47 tag such as en, ar, ckb or kmr")
	}
	tag, err := language.Parse(s)
	if err != nil {
		return language.Und, fmt.Errorf("unknown language %q: want a BCP 47 tag such as en, ar, ckb or kmr", s)
	}
	if base, conf := tag.Base(); conf == language.No || base.String() == "und" {
		return language.Und, fmt.Errorf("unknown language %q: want a BCP 47 tag such as en, ar, ckb or kmr", s)
	}
	return tag, nil
}

// csvHeader is the header a CSV glossary starts with; note and subtype may
// follow as extra columns.
var csvHeader = []string{"id", "type", "lang", "kind", "text"}

// csvRow is one row of a CSV glossary: a name of an entity.
type csvRow struct {
	line    int
	id      string
	typ     Type // TypeUnknown when the row's type is not one
	subtype string
	name    NameRecord
}

// readCSV reads a CSV glossary's header and rows, reporting problems with
// their line, and calls row for every row that can be read. Kept strings
// are cloned: a field shares its memory with the whole row, which a large
// glossary would keep alive for nothing. It stops early if row returns
// false.
func readCSV(file string, in io.Reader, problem func(line int, format string, args ...any), row func(csvRow) bool) {
	r := csv.NewReader(in)
	r.FieldsPerRecord = -1
	r.ReuseRecord = true // the fields are fresh strings; only the slice is reused
	header, err := r.Read()
	if err != nil {
		problem(1, "cannot read the header: %v", err)
		return
	}
	if len(header) < len(csvHeader) || !slices.Equal(lower(header[:len(csvHeader)]), csvHeader) {
		problem(1, "header is %q: want %s (then optionally note, subtype)", strings.Join(header, ","), strings.Join(csvHeader, ","))
		return
	}
	extra := map[string]int{}
	for i, h := range lower(header[len(csvHeader):]) {
		extra[h] = len(csvHeader) + i
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			ln := 0
			var perr *csv.ParseError
			if errors.As(err, &perr) {
				ln = perr.Line
			}
			problem(ln, "%v", err)
			return
		}
		ln, _ := r.FieldPos(0)
		if !validUTF8(rec) {
			problem(ln, "not valid UTF-8: save the file as UTF-8")
			continue
		}
		if len(rec) < len(csvHeader) {
			problem(ln, "%d columns: want at least %d (%s)", len(rec), len(csvHeader), strings.Join(csvHeader, ","))
			continue
		}
		cur := csvRow{line: ln, id: strings.TrimSpace(rec[0])}
		t, err := ParseType(strings.TrimSpace(rec[1]))
		if err != nil {
			problem(ln, "entity %q: %v", cur.id, err)
		}
		cur.typ = t
		cur.name = NameRecord{Lang: strings.TrimSpace(rec[2]), Kind: strings.TrimSpace(rec[3]), Text: strings.Clone(strings.TrimSpace(rec[4]))}
		if i, ok := extra["note"]; ok && i < len(rec) {
			cur.name.Note = strings.Clone(rec[i])
		}
		if j, ok := extra["subtype"]; ok && j < len(rec) {
			cur.subtype = rec[j]
		}
		if !row(cur) {
			return
		}
	}
}

func (l *Loader) addCSV(file string, in io.Reader) {
	byID := map[string]int{}
	last := -1 // the entity of the previous row
	problem := func(line int, format string, args ...any) { l.problem(file, line, format, args...) }
	readCSV(file, in, problem, func(row csvRow) bool {
		i, seen := byID[row.id]
		if !seen {
			i = len(l.entities)
			byID[row.id] = i
			src := source{file: file, line: row.line}
			src.ID, src.Type, src.Subtype = strings.Clone(row.id), row.typ, strings.Clone(row.subtype)
			l.entities = append(l.entities, src)
		} else if row.typ != TypeUnknown && l.entities[i].Type != row.typ {
			l.problem(file, row.line, "entity %q is %s here but %s on line %d", row.id, row.typ, l.entities[i].Type, l.entities[i].line)
		}
		if i != last && last >= 0 {
			l.entities[last].trim() // the previous entity's rows are read
		}
		last = i
		if name, ok := l.parseName(file, row.line, row.name); ok {
			l.entities[i].Names = append(l.entities[i].Names, name)
			l.entities[i].nameLines = append(l.entities[i].nameLines, row.line)
		}
		return true
	})
	if last >= 0 {
		l.entities[last].trim()
	}
}

// trim drops the spare capacity appending left in the entity's names, once
// its rows are read: a large glossary would otherwise hold a third more
// memory than its names take.
func (s *source) trim() {
	if cap(s.Names) > len(s.Names) {
		s.Names = slices.Clone(s.Names)
	}
	if cap(s.nameLines) > len(s.nameLines) {
		s.nameLines = slices.Clone(s.nameLines)
	}
}

func validUTF8(ss []string) bool {
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}

func lower(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff")))
	}
	return out
}

// idPattern is what an entity id looks like: a type prefix and a slug.
var idPattern = regexp.MustCompile(`^[a-z]+/[a-z0-9]+(?:[-.][a-z0-9]+)*$`)

// Glossary validates everything added and returns the glossary, or a
// *ValidationError listing every problem.
func (l *Loader) Glossary() (*Glossary, error) {
	problems := slices.Clone(l.problems)
	add := func(file string, line int, format string, args ...any) {
		problems = append(problems, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	first := make(map[string]int, len(l.entities)) // id → index in l.entities
	for i, e := range l.entities {
		if !e.checkID(add) {
			continue
		}
		if j, dup := first[e.ID]; dup {
			prev := l.entities[j]
			add(e.file, e.line, "duplicate id %q: first defined at %s:%d", e.ID, prev.file, prev.line)
			continue
		}
		first[e.ID] = i
		e.checkNames(add)
	}
	for _, e := range l.entities {
		for i, r := range e.Relations {
			ln := e.line
			if i < len(e.relLines) {
				ln = e.relLines[i]
			}
			if !slices.Contains(RelationTypes, r.Type) {
				add(e.file, ln, "entity %q: unknown relation type %q: want one of %s", e.ID, r.Type, strings.Join(RelationTypes, ", "))
			}
			if _, ok := first[r.Target]; !ok {
				add(e.file, ln, "entity %q: relation %s points to %q, which is not in the glossary", e.ID, r.Type, r.Target)
			}
		}
	}
	if len(problems) > 0 {
		slices.SortStableFunc(problems, func(a, b Problem) int {
			return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
		})
		return nil, &ValidationError{Problems: problems}
	}
	g := &Glossary{Entities: make([]Entity, 0, len(first))}
	for i, e := range l.entities {
		if first[e.ID] == i {
			g.Entities = append(g.Entities, e.Entity)
		}
	}
	slices.SortFunc(g.Entities, func(a, b Entity) int { return cmp.Compare(a.ID, b.ID) })
	return g, nil
}

// problemFunc records a problem at a file and line.
type problemFunc func(file string, line int, format string, args ...any)

// checkID reports a missing or malformed id; false for a missing one.
func (e *source) checkID(add problemFunc) bool {
	switch {
	case e.ID == "":
		add(e.file, e.line, "entity without id: add id, such as place/kirkuk")
		return false
	case !idPattern.MatchString(e.ID):
		add(e.file, e.line, "id %q: use lower-case ascii, a type prefix and a slug, such as place/kirkuk", e.ID)
	}
	return true
}

// checkNames reports what is wrong with an entity's names: none, no
// English preferred name, two preferred names in one language, a name
// listed twice.
func (e *source) checkNames(add problemFunc) {
	preferred := map[language.Tag]int{}
	seen := map[string]bool{}
	for i, n := range e.Names {
		ln := e.line
		if i < len(e.nameLines) {
			ln = e.nameLines[i]
		}
		if n.Kind == KindPreferred {
			preferred[n.Lang]++
			if preferred[n.Lang] == 2 {
				add(e.file, ln, "entity %q has a second PREFERRED name in %s (%q): make it ALIAS", e.ID, n.Lang, n.Text)
			}
		}
		key := n.Lang.String() + "\x00" + n.Text
		if seen[key] {
			add(e.file, ln, "entity %q lists %q in %s twice", e.ID, n.Text, n.Lang)
		}
		seen[key] = true
	}
	if len(e.Names) == 0 {
		add(e.file, e.line, "entity %q has no names", e.ID)
	} else if preferred[language.English] == 0 {
		add(e.file, e.line, "entity %q has no PREFERRED name in English (lang: en)", e.ID)
	}
}

// New validates entities built in code, as Load does for files.
func New(entities []Entity) (*Glossary, error) {
	l := &Loader{}
	for _, e := range entities {
		l.entities = append(l.entities, source{Entity: e, file: "(entity " + e.ID + ")"})
	}
	return l.Glossary()
}
