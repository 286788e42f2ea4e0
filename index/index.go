package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/gofrs/flock"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/normalize"
)

// FormatVersion changes whenever the documents or keys this package writes
// change, so that an index built by an older binary is rebuilt.
const FormatVersion = "exonym-index-4"

// ErrNotFound is returned for an entity id the index does not hold.
var ErrNotFound = errors.New("entity not found")

// ErrLocked is returned when another process holds the index directory.
var ErrLocked = errors.New("index directory is in use by another process")

// Field names of a name document.
const (
	fEntity    = "entity"
	fType      = "type"
	fLang      = "lang"
	fKind      = "kind"
	fText      = "text"
	fCanonical = "k_canonical"
	fFolded    = "k_folded"
	fStripped  = "k_stripped"
	fRomanised = "k_romanised"
	fSkeleton  = "k_skeleton"
	fTokens    = "t_romanised"
	fSkelTok   = "t_skeleton"
	fPrefix    = "p_prefix"
)

// Internal keys stored in the Bleve index.
var (
	internalHash  = []byte("exonym_glossary_hash")
	internalWords = []byte("exonym_word_entities")
)

// Options configure Open. The zero value is usable.
type Options struct {
	Dir       string       // index directory; created when missing; "" means a temporary one
	BatchSize int          // names per Bleve batch; 0 means 2000
	Logger    *slog.Logger // nil discards
	// Progress, if set, is called after each batch of a build with the
	// entities indexed so far and in all.
	Progress func(done, total int)
}

func (o *Options) setDefaults() {
	if o.BatchSize <= 0 {
		o.BatchSize = 2000
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
}

// Index answers queries against one glossary. It is safe for concurrent use.
type Index struct {
	opts     Options
	bleve    bleve.Index
	lock     *flock.Flock
	tempDir  string // removed on Close when Dir was ""
	entities map[string]*glossary.Entity
	// wordEntities counts the entities using each romanised word.
	wordEntities map[string]int
	// keys caches the keys of names being ranked.
	keys *keyCache
	// Thresholds decide what is resolved; see rank.go.
	Thresholds Thresholds
}

// Open opens the index in opts.Dir for glossary g, building it when the
// directory holds no index, or one built from other content (as told by the
// glossary's content hash and FormatVersion). Another process holding the
// directory gives ErrLocked.
func Open(ctx context.Context, g *glossary.Glossary, opts Options) (*Index, error) {
	opts.setDefaults()
	ix := &Index{opts: opts, Thresholds: DefaultThresholds, entities: make(map[string]*glossary.Entity, len(g.Entities))}
	for i := range g.Entities {
		ix.entities[g.Entities[i].ID] = &g.Entities[i]
	}
	ix.keys = newKeyCache(100_000)
	if opts.Dir == "" {
		dir, err := os.MkdirTemp("", "exonym-index-")
		if err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		ix.tempDir = dir
		ix.opts.Dir = dir
	}
	dir := ix.opts.Dir
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	ix.lock = flock.New(filepath.Join(dir, "LOCK"))
	locked, err := ix.lock.TryLock()
	if err != nil {
		return nil, fmt.Errorf("index: lock %s: %w", dir, err)
	}
	if !locked {
		return nil, fmt.Errorf("%w: %s", ErrLocked, dir)
	}
	if err := ix.openOrBuild(ctx, g); err != nil {
		ix.lock.Unlock()
		if ix.tempDir != "" {
			os.RemoveAll(ix.tempDir)
		}
		return nil, err
	}
	return ix, nil
}

// wantHash is what an index built for g records.
func wantHash(g *glossary.Glossary) string { return FormatVersion + ":" + g.Hash() }

func (ix *Index) openOrBuild(ctx context.Context, g *glossary.Glossary) error {
	dir, log := ix.opts.Dir, ix.opts.Logger
	want := wantHash(g)
	current, err := readCurrent(dir)
	reason := ""
	switch {
	case errors.Is(err, os.ErrNotExist):
		reason = "no index yet"
	case err != nil:
		reason = fmt.Sprintf("CURRENT unreadable (%v)", err)
	default:
		idx, err := bleve.Open(filepath.Join(dir, current))
		if err != nil {
			reason = fmt.Sprintf("index %s does not open (%v)", current, err)
			break
		}
		have, err := idx.GetInternal(internalHash)
		if err == nil && string(have) == want {
			ix.bleve = idx
			ix.wordEntities = readWordCounts(idx)
			if ix.wordEntities == nil {
				ix.wordEntities = countWords(g)
			}
			log.Info("index opened", "dir", dir, "generation", current, "entities", len(g.Entities))
			ix.removeStale(current)
			return nil
		}
		idx.Close()
		reason = "glossary or index format changed"
		if !strings.HasPrefix(string(have), FormatVersion+":") {
			reason = "index format changed"
		}
	}
	log.Info("building index", "dir", dir, "reason", reason, "entities", len(g.Entities), "names", g.NameCount())
	start := time.Now()
	gen := "gen-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	idx, err := build(ctx, filepath.Join(dir, gen), g, ix.opts.BatchSize, ix.opts.Progress)
	if err != nil {
		os.RemoveAll(filepath.Join(dir, gen))
		return err
	}
	ix.wordEntities = countWords(g)
	words, err := json.Marshal(ix.wordEntities)
	if err == nil {
		err = idx.SetInternal(internalWords, words)
	}
	if err != nil {
		idx.Close()
		os.RemoveAll(filepath.Join(dir, gen))
		return fmt.Errorf("index: record word counts: %w", err)
	}
	if err := idx.SetInternal(internalHash, []byte(want)); err != nil {
		idx.Close()
		os.RemoveAll(filepath.Join(dir, gen))
		return fmt.Errorf("index: record glossary hash: %w", err)
	}
	// Close and reopen so that everything is on disk before CURRENT names it.
	if err := idx.Close(); err != nil {
		return fmt.Errorf("index: close new generation: %w", err)
	}
	if err := writeCurrent(dir, gen); err != nil {
		os.RemoveAll(filepath.Join(dir, gen))
		return err
	}
	idx, err = bleve.Open(filepath.Join(dir, gen))
	if err != nil {
		return fmt.Errorf("index: open new generation: %w", err)
	}
	ix.bleve = idx
	log.Info("index built", "dir", dir, "generation", gen, "dur", time.Since(start).Round(time.Millisecond))
	ix.removeStale(gen)
	return nil
}

// readWordCounts reads the word counts a build recorded, or returns nil.
func readWordCounts(idx bleve.Index) map[string]int {
	b, err := idx.GetInternal(internalWords)
	if err != nil || len(b) == 0 {
		return nil
	}
	var m map[string]int
	if json.Unmarshal(b, &m) != nil {
		return nil
	}
	return m
}

// removeStale deletes index generations other than the live one: left by a
// rebuild, or by a build that a crash interrupted.
func (ix *Index) removeStale(live string) {
	entries, err := os.ReadDir(ix.opts.Dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "gen-") && e.Name() != live {
			if err := os.RemoveAll(filepath.Join(ix.opts.Dir, e.Name())); err != nil {
				ix.opts.Logger.Warn("cannot remove stale index generation", "dir", e.Name(), "err", err)
			}
		}
	}
}

func readCurrent(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "CURRENT"))
	if err != nil {
		return "", err
	}
	gen := strings.TrimSpace(string(b))
	if !strings.HasPrefix(gen, "gen-") || strings.ContainsAny(gen, `/\`) {
		return "", fmt.Errorf("CURRENT names %q", gen)
	}
	return gen, nil
}

// writeCurrent replaces the CURRENT file atomically: a new file is written
// and synced, then renamed over the old one, and the directory synced.
func writeCurrent(dir, gen string) error {
	tmp := filepath.Join(dir, "CURRENT.tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	_, err = f.WriteString(gen + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, "CURRENT"))
	}
	if err != nil {
		return fmt.Errorf("index: write CURRENT: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// Close closes the index and releases the directory.
func (ix *Index) Close() error {
	var err error
	if ix.bleve != nil {
		err = ix.bleve.Close()
	}
	if ix.lock != nil {
		if uerr := ix.lock.Unlock(); err == nil {
			err = uerr
		}
	}
	if ix.tempDir != "" {
		os.RemoveAll(ix.tempDir)
	}
	return err
}

// Entity returns the entity with the given id, or ErrNotFound.
func (ix *Index) Entity(id string) (*glossary.Entity, error) {
	e, ok := ix.entities[id]
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	return e, nil
}

// Len returns the number of entities.
func (ix *Index) Len() int { return len(ix.entities) }

// newMapping describes name documents: every key a keyword field, the name
// itself and its entity stored for ranking.
func newMapping() mapping.IndexMapping {
	kw := func(store bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	doc := bleve.NewDocumentStaticMapping()
	for _, name := range []string{fEntity, fType, fLang, fKind} {
		doc.AddFieldMappingsAt(name, kw(true))
	}
	text := bleve.NewTextFieldMapping()
	text.Index = false
	text.Store = true
	text.IncludeInAll = false
	doc.AddFieldMappingsAt(fText, text)
	for _, name := range []string{fCanonical, fFolded, fStripped, fRomanised, fSkeleton, fTokens, fSkelTok, fPrefix} {
		doc.AddFieldMappingsAt(name, kw(false))
	}
	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = keyword.Name
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}

// nameDoc is the document of one name.
func nameDoc(e *glossary.Entity, n glossary.Name) map[string]any {
	k := normalize.KeysOf(n.Text)
	prefixes := []string{k.Folded}
	prefixes = append(prefixes, k.Stripped...)
	prefixes = append(prefixes, k.Romanised...)
	return map[string]any{
		fEntity:    e.ID,
		fType:      e.Type.String(),
		fLang:      n.Lang.String(),
		fKind:      n.Kind.String(),
		fText:      n.Text,
		fCanonical: k.Canonical,
		fFolded:    k.Folded,
		fStripped:  k.Stripped,
		fRomanised: k.Romanised,
		fSkeleton:  k.Skeleton,
		fTokens:    k.Tokens,
		fSkelTok:   k.SkeletonTokens,
		fPrefix:    prefixes,
	}
}

// build writes a new index of g at path.
func build(ctx context.Context, path string, g *glossary.Glossary, batchSize int, progress func(done, total int)) (bleve.Index, error) {
	idx, err := bleve.New(path, newMapping())
	if err != nil {
		return nil, fmt.Errorf("index: create %s: %w", path, err)
	}
	batch := idx.NewBatch()
	from := 0
	for i := range g.Entities {
		e := &g.Entities[i]
		for j, n := range e.Names {
			if err := batch.Index(e.ID+"#"+strconv.Itoa(j), nameDoc(e, n)); err != nil {
				idx.Close()
				return nil, fmt.Errorf("index: entity %s: %w", e.ID, err)
			}
		}
		if batch.Size() >= batchSize || i == len(g.Entities)-1 {
			if err := ctx.Err(); err != nil {
				idx.Close()
				return nil, err
			}
			if err := idx.Batch(batch); err != nil {
				idx.Close()
				return nil, fmt.Errorf("index entities %d-%d: %w", from, i, err)
			}
			batch.Reset()
			from = i + 1
			if progress != nil {
				progress(from, len(g.Entities))
			}
		}
	}
	return idx, nil
}
