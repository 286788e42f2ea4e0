// Command cldreval builds an evaluation set that the exonym team did not
// write: a glossary of country and territory names from Unicode CLDR
// (the npm package cldr-localenames-full) and queries for the same
// countries from Debian's iso-codes package (its ISO 3166-1 names and their
// gettext translations).
//
// It writes three files into the --out folder:
//
//   - cldr-glossary.csv: one PLACE entity per ISO 3166-1 alpha-2 code, with
//     CLDR's territory names in en, ar, ckb, kmr (CLDR locale ku), fa and tr;
//   - isocodes-queries.tsv: eval rows (expected_id, query, type, lang,
//     source) whose query is not already a name of the expected entity in
//     the same language;
//   - isocodes-identical.tsv: the rows left out because the query is
//     exactly a glossary name of that entity in that language.
//
// Usage:
//
//	go run ./internal/cmd/cldreval --cldr DIR --isocodes DIR --out DIR
//
// where --cldr is the extracted npm tarball (the folder holding package/,
// or package/ itself) and --isocodes is the folder a Debian iso-codes .deb
// was extracted into with dpkg-deb -x. A summary goes to stderr.
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// locale ties a CLDR locale to the glossary language tag it is written
// under and to the iso-codes locale folders that may hold its translations,
// tried in order.
type locale struct {
	CLDR string   // CLDR locale folder name, such as ku
	Lang string   // language tag in the glossary and the queries, such as kmr
	ISO  []string // iso-codes locale folders; none for English
}

// locales are the languages of the evaluation, in output order. CLDR's ku
// is Northern Kurdish (Kurmanji) in Latin script, which exonym tags kmr;
// iso-codes keeps the same language under kmr.
func locales() []locale {
	return []locale{
		{CLDR: "en", Lang: "en"},
		{CLDR: "ar", Lang: "ar", ISO: []string{"ar"}},
		{CLDR: "ckb", Lang: "ckb", ISO: []string{"ckb"}},
		{CLDR: "ku", Lang: "kmr", ISO: []string{"ku", "kmr"}},
		{CLDR: "fa", Lang: "fa", ISO: []string{"fa"}},
		{CLDR: "tr", Lang: "tr", ISO: []string{"tr"}},
	}
}

// config is what the command line asks for.
type config struct {
	CLDRDir    string // extracted cldr-localenames-full tarball
	ISODir     string // extracted iso-codes .deb
	OutDir     string // where the three files are written
	ISOVersion string // iso-codes version for the source column; empty: read it from iso-codes.pc
}

func main() {
	var cfg config
	flag.StringVar(&cfg.CLDRDir, "cldr", "", "extracted cldr-localenames-full npm tarball (the folder holding package/, or package/ itself)")
	flag.StringVar(&cfg.ISODir, "isocodes", "", "folder the iso-codes .deb was extracted into (dpkg-deb -x)")
	flag.StringVar(&cfg.OutDir, "out", "", "folder to write cldr-glossary.csv, isocodes-queries.tsv and isocodes-identical.tsv into")
	flag.StringVar(&cfg.ISOVersion, "isocodes-version", "", "iso-codes version for the source column (default: the Version in usr/share/pkgconfig/iso-codes.pc)")
	flag.Parse()
	if cfg.CLDRDir == "" || cfg.ISODir == "" || cfg.OutDir == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: cldreval --cldr DIR --isocodes DIR --out DIR [--isocodes-version V]")
		flag.PrintDefaults()
		os.Exit(2)
	}
	if err := run(cfg, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "cldreval:", err)
		os.Exit(1)
	}
}

// run reads both sources, writes the three files and prints the summary to
// log.
func run(cfg config, log io.Writer) error {
	cldrRoot, err := findCLDRRoot(cfg.CLDRDir)
	if err != nil {
		return err
	}
	cldrVersion, err := readPackageVersion(filepath.Join(cldrRoot, "package.json"))
	if err != nil {
		return fmt.Errorf("cldr version: %w", err)
	}
	isoVersion := cfg.ISOVersion
	if isoVersion == "" {
		if isoVersion, err = readPCVersion(filepath.Join(cfg.ISODir, "usr", "share", "pkgconfig", "iso-codes.pc")); err != nil {
			return fmt.Errorf("iso-codes version (or pass --isocodes-version): %w", err)
		}
	}

	locs := locales()
	territories := map[string]map[string]string{}
	for _, l := range locs {
		t, err := readTerritories(cldrRoot, l.CLDR)
		if err != nil {
			return err
		}
		territories[l.CLDR] = t
	}
	entities, skipped := buildGlossary(territories, locs, cldrVersion)
	if len(entities) == 0 {
		return errors.New("no entity built: is --cldr the extracted cldr-localenames-full tarball?")
	}

	countries, err := readISOCountries(filepath.Join(cfg.ISODir, "usr", "share", "iso-codes", "json", "iso_3166-1.json"))
	if err != nil {
		return err
	}
	catalogs := map[string]map[string]string{}
	catalogFiles := map[string]string{}
	for _, l := range locs {
		if len(l.ISO) == 0 {
			continue
		}
		cat, file, err := readCatalog(cfg.ISODir, l.ISO)
		if err != nil {
			return fmt.Errorf("iso-codes %s translations: %w", l.Lang, err)
		}
		catalogs[l.Lang] = cat
		catalogFiles[l.Lang] = file
	}
	qs, qstats := buildQueries(entities, countries, catalogs, locs, isoVersion)
	kept, identical := splitIdentical(qs, entities)

	if err := os.MkdirAll(cfg.OutDir, 0o755); err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	glossaryPath := filepath.Join(cfg.OutDir, "cldr-glossary.csv")
	if err := writeFile(glossaryPath, func(w io.Writer) error { return writeGlossary(w, entities) }); err != nil {
		return err
	}
	about := fmt.Sprintf("CLDR cldr-localenames-full %s glossary; queries from Debian iso-codes %s (ISO 3166-1 names, official names, common names and their translations)", cldrVersion, isoVersion)
	queriesPath := filepath.Join(cfg.OutDir, "isocodes-queries.tsv")
	if err := writeFile(queriesPath, func(w io.Writer) error {
		return writeQueries(w, []string{
			"Queries: " + about + ".",
			"Only rows whose query is NOT exactly a glossary name of the expected entity in the same language.",
			"Generated by internal/cmd/cldreval; not committed.",
			"expected_id<TAB>query<TAB>type<TAB>lang<TAB>source",
		}, kept)
	}); err != nil {
		return err
	}
	identicalPath := filepath.Join(cfg.OutDir, "isocodes-identical.tsv")
	if err := writeFile(identicalPath, func(w io.Writer) error {
		return writeQueries(w, []string{
			"Control rows: " + about + ".",
			"Only rows whose query IS exactly a glossary name of the expected entity in the same language (dropped from isocodes-queries.tsv).",
			"Generated by internal/cmd/cldreval; not committed.",
			"expected_id<TAB>query<TAB>type<TAB>lang<TAB>source",
		}, identical)
	}); err != nil {
		return err
	}
	printSummary(log, summary{
		CLDRVersion: cldrVersion, ISOVersion: isoVersion, CatalogFiles: catalogFiles,
		Entities: entities, Skipped: skipped, Locales: locs,
		Stats: qstats, Kept: kept, Identical: identical,
		Files: []string{glossaryPath, queriesPath, identicalPath},
	})
	return nil
}

// findCLDRRoot returns the folder holding package.json and main/ of the
// extracted npm tarball: dir/package or dir itself.
func findCLDRRoot(dir string) (string, error) {
	for _, d := range []string{filepath.Join(dir, "package"), dir} {
		if fi, err := os.Stat(filepath.Join(d, "main")); err == nil && fi.IsDir() {
			return d, nil
		}
	}
	return "", fmt.Errorf("--cldr %s: neither it nor its package/ folder holds main/: extract the cldr-localenames-full tarball there", dir)
}

// readPackageVersion returns the version field of an npm package.json.
func readPackageVersion(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	var pkg struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if pkg.Version == "" {
		return "", fmt.Errorf("%s: no version", path)
	}
	return pkg.Version, nil
}

// readPCVersion returns the Version: line of a pkg-config file.
func readPCVersion(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	for line := range strings.Lines(string(data)) {
		if v, ok := strings.CutPrefix(line, "Version:"); ok {
			if v = strings.TrimSpace(v); v != "" {
				return v, nil
			}
		}
	}
	return "", fmt.Errorf("%s: no Version line", path)
}

// readTerritories returns CLDR's territory display names of one locale,
// keyed by code (with -alt-… suffixes as CLDR writes them), from
// main/<locale>/territories.json → main.<locale>.localeDisplayNames.territories.
func readTerritories(cldrRoot, loc string) (map[string]string, error) {
	path := filepath.Join(cldrRoot, "main", loc, "territories.json")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cldr %s territories: %w", loc, err)
	}
	var doc struct {
		Main map[string]struct {
			LocaleDisplayNames struct {
				Territories map[string]string `json:"territories"`
			} `json:"localeDisplayNames"`
		} `json:"main"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("cldr %s territories: %s: %w", loc, path, err)
	}
	m, ok := doc.Main[loc]
	if !ok || len(m.LocaleDisplayNames.Territories) == 0 {
		return nil, fmt.Errorf("cldr %s territories: %s has no main.%s.localeDisplayNames.territories", loc, path, loc)
	}
	return m.LocaleDisplayNames.Territories, nil
}

// isISOAlpha2 reports whether code is two upper-case ASCII letters and not
// one of the codes ISO 3166-1 leaves to users (AA, QM–QZ, XA–XZ, ZZ; CLDR
// uses some, such as XK for Kosovo and QO for Outlying Oceania) or marks
// exceptionally reserved (AC, CP, CQ, DG, EA, EU, EZ, FX, IC, SU, TA, UK,
// UN), which CLDR also names.
func isISOAlpha2(code string) bool {
	if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' {
		return false
	}
	switch {
	case code == "AA" || code == "ZZ", code[0] == 'X', code[0] == 'Q' && code[1] >= 'M':
		return false
	}
	switch code {
	case "AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "FX", "IC", "SU", "TA", "UK", "UN":
		return false
	}
	return true
}

// name is one glossary name.
type name struct {
	Lang string // language tag, such as kmr
	Kind string // PREFERRED or ALIAS
	Text string
	Note string
}

// entity is one country or territory of the glossary.
type entity struct {
	Code  string // ISO 3166-1 alpha-2, upper case
	ID    string // country/<lower-case code>
	Names []name
}

// has reports whether e has exactly text as a name in lang.
func (e *entity) has(lang, text string) bool {
	return slices.ContainsFunc(e.Names, func(n name) bool { return n.Lang == lang && n.Text == text })
}

// altSuffixes are the CLDR alternative forms taken as aliases, in order.
var altSuffixes = []string{"-alt-short", "-alt-variant"}

// buildGlossary makes one entity per ISO 3166-1 alpha-2 code that CLDR en
// names, sorted by code, from territories (keyed by CLDR locale, then by
// CLDR key). The territory name of each locale is PREFERRED, its
// -alt-short and -alt-variant names ALIAS; the same (lang, text) is kept
// once. Codes left out are returned sorted, each with the reason.
func buildGlossary(territories map[string]map[string]string, locs []locale, cldrVersion string) ([]entity, []string) {
	en := territories["en"]
	var codes, skipped []string
	for key := range en {
		switch {
		case strings.Contains(key, "-alt-"):
		case isISOAlpha2(key):
			codes = append(codes, key)
		default:
			skipped = append(skipped, key)
		}
	}
	slices.Sort(codes)
	var out []entity
	for _, code := range codes {
		e := entity{Code: code, ID: "country/" + strings.ToLower(code)}
		add := func(l locale, kind, key string) {
			text := strings.TrimSpace(territories[l.CLDR][key])
			if text == "" || e.has(l.Lang, text) {
				return
			}
			e.Names = append(e.Names, name{Lang: l.Lang, Kind: kind, Text: text, Note: fmt.Sprintf("CLDR %s %s %s", cldrVersion, l.CLDR, key)})
		}
		for _, l := range locs {
			add(l, "PREFERRED", code)
			for _, alt := range altSuffixes {
				add(l, "ALIAS", code+alt)
			}
		}
		if !slices.ContainsFunc(e.Names, func(n name) bool { return n.Lang == "en" && n.Kind == "PREFERRED" }) {
			skipped = append(skipped, code+" (no en name)")
			continue
		}
		out = append(out, e)
	}
	slices.Sort(skipped)
	return out, skipped
}

// writeGlossary writes entities as an exonym CSV glossary.
func writeGlossary(w io.Writer, entities []entity) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"id", "type", "lang", "kind", "text", "note", "subtype"}); err != nil {
		return fmt.Errorf("glossary header: %w", err)
	}
	for _, e := range entities {
		for _, n := range e.Names {
			if err := cw.Write([]string{e.ID, "PLACE", n.Lang, n.Kind, n.Text, n.Note, "country"}); err != nil {
				return fmt.Errorf("glossary %s: %w", e.ID, err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("glossary: %w", err)
	}
	return nil
}

// isoCountry is one entry of iso-codes' iso_3166-1.json.
type isoCountry struct {
	Alpha2       string `json:"alpha_2"`
	Name         string `json:"name"`
	OfficialName string `json:"official_name"`
	CommonName   string `json:"common_name"`
}

// fields returns the country's English names by field, in a fixed order,
// leaving out empty ones.
func (c isoCountry) fields() [][2]string {
	var out [][2]string
	for _, f := range [][2]string{{"name", c.Name}, {"official_name", c.OfficialName}, {"common_name", c.CommonName}} {
		if strings.TrimSpace(f[1]) != "" {
			out = append(out, f)
		}
	}
	return out
}

// readISOCountries reads iso-codes' iso_3166-1.json.
func readISOCountries(path string) ([]isoCountry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("iso-codes countries: %w", err)
	}
	var doc struct {
		Countries []isoCountry `json:"3166-1"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("iso-codes countries: %s: %w", path, err)
	}
	if len(doc.Countries) == 0 {
		return nil, fmt.Errorf("iso-codes countries: %s lists no country under \"3166-1\"", path)
	}
	return doc.Countries, nil
}

// readCatalog reads usr/share/locale/<dir>/LC_MESSAGES/iso_3166-1.mo from
// the first of dirs that has it, and returns its messages and the path read.
func readCatalog(isoRoot string, dirs []string) (map[string]string, string, error) {
	var tried []string
	for _, d := range dirs {
		path := filepath.Join(isoRoot, "usr", "share", "locale", d, "LC_MESSAGES", "iso_3166-1.mo")
		data, err := os.ReadFile(path)
		if errors.Is(err, os.ErrNotExist) {
			tried = append(tried, path)
			continue
		}
		if err != nil {
			return nil, "", err
		}
		cat, err := parseMO(data)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", path, err)
		}
		return cat, path, nil
	}
	return nil, "", fmt.Errorf("no catalog: tried %s", strings.Join(tried, ", "))
}

// moMagic is the first word of a GNU .mo file, read in the file's byte
// order.
const moMagic = 0x950412de

// parseMO parses a GNU gettext .mo file in either byte order and returns
// its translations keyed by msgid. For plural entries the key is the
// singular msgid and the value the first form; a context stays in the key
// as gettext stores it ("context\x04msgid"). The header entry (msgid "")
// is kept under "".
func parseMO(data []byte) (map[string]string, error) {
	if len(data) < 20 {
		return nil, fmt.Errorf("mo: %d bytes: too short for a header", len(data))
	}
	var order binary.ByteOrder
	switch {
	case binary.LittleEndian.Uint32(data) == moMagic:
		order = binary.LittleEndian
	case binary.BigEndian.Uint32(data) == moMagic:
		order = binary.BigEndian
	default:
		return nil, fmt.Errorf("mo: bad magic %#x", data[:4])
	}
	word := func(off uint64) uint32 { return order.Uint32(data[off:]) }
	if rev := word(4); rev>>16 > 1 {
		return nil, fmt.Errorf("mo: unknown major revision %d", rev>>16)
	}
	n, origTable, transTable := uint64(word(8)), uint64(word(12)), uint64(word(16))
	size := uint64(len(data))
	if origTable+8*n > size || transTable+8*n > size {
		return nil, fmt.Errorf("mo: %d entries do not fit in %d bytes", n, size)
	}
	str := func(table, i uint64) (string, error) {
		length, off := uint64(word(table+8*i)), uint64(word(table+8*i+4))
		if off+length > size {
			return "", fmt.Errorf("mo: string %d at %d+%d is past the end (%d bytes)", i, off, length, size)
		}
		return string(data[off : off+length]), nil
	}
	out := make(map[string]string, n)
	for i := range n {
		id, err := str(origTable, i)
		if err != nil {
			return nil, err
		}
		tr, err := str(transTable, i)
		if err != nil {
			return nil, err
		}
		id, _, _ = strings.Cut(id, "\x00")
		tr, _, _ = strings.Cut(tr, "\x00")
		out[id] = tr
	}
	return out, nil
}

// query is one eval row.
type query struct {
	ID     string // expected entity id
	Text   string
	Lang   string
	Field  string // iso-codes field: name, official_name or common_name
	Source string
}

// queryStats counts what buildQueries left out.
type queryStats struct {
	NoEntity     []string       // iso-codes codes without a glossary entity
	Untranslated map[string]int // by lang: fields with no translation, or one equal to the msgid
	Duplicate    map[string]int // by lang: rows repeating an earlier (id, lang, text)
	Unusable     map[string]int // by lang: texts holding a tab or line break
}

// buildQueries makes eval rows from iso-codes: for every country with an
// entity, its English name, official_name and common_name (lang en), and
// for every other locale the translation of each of those fields, when the
// catalog has one that differs from the msgid. A repeated (id, lang, text)
// is kept once.
func buildQueries(entities []entity, countries []isoCountry, catalogs map[string]map[string]string, locs []locale, isoVersion string) ([]query, queryStats) {
	st := queryStats{Untranslated: map[string]int{}, Duplicate: map[string]int{}, Unusable: map[string]int{}}
	byCode := map[string]*entity{}
	for i := range entities {
		byCode[entities[i].Code] = &entities[i]
	}
	var out []query
	for _, c := range countries {
		e, ok := byCode[strings.ToUpper(c.Alpha2)]
		if !ok {
			st.NoEntity = append(st.NoEntity, c.Alpha2)
			continue
		}
		seen := map[string]bool{}
		for _, l := range locs {
			for _, f := range c.fields() {
				text := f[1]
				if len(l.ISO) > 0 {
					tr, ok := catalogs[l.Lang][f[1]]
					if !ok || tr == "" || tr == f[1] {
						st.Untranslated[l.Lang]++
						continue
					}
					text = tr
				}
				text = strings.TrimSpace(text)
				if strings.ContainsAny(text, "\t\r\n") {
					st.Unusable[l.Lang]++
					continue
				}
				key := l.Lang + "\x00" + text
				if seen[key] {
					st.Duplicate[l.Lang]++
					continue
				}
				seen[key] = true
				out = append(out, query{ID: e.ID, Text: text, Lang: l.Lang, Field: f[0], Source: fmt.Sprintf("iso-codes %s %s", isoVersion, l.Lang)})
			}
		}
	}
	return out, st
}

// splitIdentical separates the rows whose query is exactly a name of the
// expected entity in the same language (they test nothing) from the rest.
func splitIdentical(qs []query, entities []entity) (kept, identical []query) {
	byID := map[string]*entity{}
	for i := range entities {
		byID[entities[i].ID] = &entities[i]
	}
	for _, q := range qs {
		if e, ok := byID[q.ID]; ok && e.has(q.Lang, q.Text) {
			identical = append(identical, q)
		} else {
			kept = append(kept, q)
		}
	}
	return kept, identical
}

// writeQueries writes rows in exonym's eval TSV format, after the comment
// lines.
func writeQueries(w io.Writer, comments []string, rows []query) error {
	bw := bufio.NewWriter(w)
	for _, c := range comments {
		fmt.Fprintf(bw, "# %s\n", c)
	}
	for _, q := range rows {
		fmt.Fprintf(bw, "%s\t%s\tPLACE\t%s\t%s\n", q.ID, q.Text, q.Lang, q.Source)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("queries: %w", err)
	}
	return nil
}

// writeFile writes a file through fill, replacing it only when fill
// succeeds.
func writeFile(path string, fill func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := fill(&buf); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// summary is what printSummary reports.
type summary struct {
	CLDRVersion, ISOVersion string
	CatalogFiles            map[string]string
	Entities                []entity
	Skipped                 []string
	Locales                 []locale
	Stats                   queryStats
	Kept, Identical         []query
	Files                   []string
}

// printSummary writes counts of entities, names and query rows per
// language.
func printSummary(w io.Writer, s summary) {
	fmt.Fprintf(w, "cldreval: CLDR cldr-localenames-full %s; Debian iso-codes %s\n", s.CLDRVersion, s.ISOVersion)
	for _, l := range s.Locales {
		if f, ok := s.CatalogFiles[l.Lang]; ok {
			fmt.Fprintf(w, "  %s translations: %s\n", l.Lang, f)
		}
	}
	fmt.Fprintf(w, "entities: %d (CLDR en codes left out: %d: %s)\n", len(s.Entities), len(s.Skipped), strings.Join(s.Skipped, " "))
	if len(s.Stats.NoEntity) > 0 {
		fmt.Fprintf(w, "iso-codes countries without an entity: %s\n", strings.Join(s.Stats.NoEntity, " "))
	}
	type counts struct{ preferred, alias, entities int }
	names := map[string]*counts{}
	for _, l := range s.Locales {
		names[l.Lang] = &counts{}
	}
	for _, e := range s.Entities {
		has := map[string]bool{}
		for _, n := range e.Names {
			c := names[n.Lang]
			if n.Kind == "PREFERRED" {
				c.preferred++
			} else {
				c.alias++
			}
			if !has[n.Lang] {
				has[n.Lang] = true
				c.entities++
			}
		}
	}
	fmt.Fprintf(w, "\nglossary names per lang:\n%-5s %9s %6s %6s %9s\n", "lang", "preferred", "alias", "total", "entities")
	for _, l := range s.Locales {
		c := names[l.Lang]
		fmt.Fprintf(w, "%-5s %9d %6d %6d %9d\n", l.Lang, c.preferred, c.alias, c.preferred+c.alias, c.entities)
	}
	byLang := func(qs []query) map[string]int {
		m := map[string]int{}
		for _, q := range qs {
			m[q.Lang]++
		}
		return m
	}
	caseOnly := map[string]int{}
	byID := map[string]*entity{}
	for i := range s.Entities {
		byID[s.Entities[i].ID] = &s.Entities[i]
	}
	for _, q := range s.Kept {
		if e := byID[q.ID]; e != nil && slices.ContainsFunc(e.Names, func(n name) bool { return n.Lang == q.Lang && strings.EqualFold(n.Text, q.Text) }) {
			caseOnly[q.Lang]++
		}
	}
	kept, ident := byLang(s.Kept), byLang(s.Identical)
	fmt.Fprintf(w, "\nquery rows per lang (kept = written to isocodes-queries.tsv; identical = isocodes-identical.tsv):\n%-5s %6s %9s %9s %12s %10s %9s\n",
		"lang", "kept", "identical", "case-only", "untranslated", "duplicate", "unusable")
	var tk, ti, tc, tu, td, tx int
	for _, l := range s.Locales {
		k, i, c, u, d, x := kept[l.Lang], ident[l.Lang], caseOnly[l.Lang], s.Stats.Untranslated[l.Lang], s.Stats.Duplicate[l.Lang], s.Stats.Unusable[l.Lang]
		fmt.Fprintf(w, "%-5s %6d %9d %9d %12d %10d %9d\n", l.Lang, k, i, c, u, d, x)
		tk, ti, tc, tu, td, tx = tk+k, ti+i, tc+c, tu+u, td+d, tx+x
	}
	fmt.Fprintf(w, "%-5s %6d %9d %9d %12d %10d %9d\n", "all", tk, ti, tc, tu, td, tx)
	fmt.Fprintln(w, "(case-only: kept rows equal to a name of the entity in that lang but for letter case; untranslated: fields with no translation or one equal to the English msgid)")
	fields := map[string]int{}
	for _, q := range s.Kept {
		fields[q.Field]++
	}
	fmt.Fprintf(w, "kept rows by iso-codes field: name %d, official_name %d, common_name %d\n", fields["name"], fields["official_name"], fields["common_name"])
	fmt.Fprintf(w, "wrote %s\n", strings.Join(s.Files, ", "))
}
