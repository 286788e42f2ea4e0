package index

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/gofrs/flock"

	"github.com/exonym/exonym/glossary"
)

// FormatVersion changes whenever the documents or keys this package writes
// change, so that an index built by an older binary is rebuilt.
const FormatVersion = "exonym-index-22"

// ErrNotFound is returned for an entity id the index does not hold.
var ErrNotFound = errors.New("entity not found")

// ErrLocked is returned when another process holds the index directory.
var ErrLocked = errors.New("index directory is in use by another process")

// Field names of an entity document. Each key field holds the keys of
// every name of the entity. The canonical level needs no field: names
// equal there are equal folded, and ranking tells the two apart.
const (
	fFolded    = "k_folded"
	fStripped  = "k_stripped"
	fRomanised = "k_romanised"
	fSkeleton  = "k_skeleton"
	fTokens    = "t_romanised"
	fSkelTok   = "t_skeleton"
	fSurname   = "k_surname" // a person's family name, folded; see surnameKeys
	fRecord    = "record"
	fID        = "_id" // Bleve's own field of document ids
)

// Internal keys stored in the Bleve index.
var (
	internalHash     = []byte("exonym_glossary_hash")
	internalEntities = []byte("exonym_entities")
	internalNames    = []byte("exonym_names")
	internalPrefixes = []byte("exonym_prefixes")
	internalTypos    = []byte("exonym_typos")
)

// Options configure Open. The zero value is usable.
type Options struct {
	Dir       string       // index directory; created when missing; "" means a temporary one
	BatchSize int          // entities per Bleve batch; 0 means 2500 (larger batches index a little faster and take much more memory: 5000 took twice the peak memory of 2000 at 100,000 entities)
	Logger    *slog.Logger // nil discards
	// Progress, if set, is called after each batch of a build with the
	// entities indexed so far and in all.
	Progress func(done, total int)
	// CacheSize bounds the decoded entities kept in memory between
	// queries; 0 means 50,000.
	CacheSize int
}

func (o *Options) setDefaults() {
	if o.BatchSize <= 0 {
		o.BatchSize = 2500
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.CacheSize <= 0 {
		o.CacheSize = 50_000
	}
}

// Source is a glossary to open an index for.
type Source struct {
	// Fingerprint identifies the glossary's content: an index built from a
	// source with the same fingerprint is opened as it is, without calling
	// Load. It should be cheap to compute (glossary.Fingerprint hashes the
	// files without parsing them).
	Fingerprint string
	// Load returns the glossary; it is called only when the index must be
	// built.
	Load func(ctx context.Context) (*glossary.Glossary, error)
	// Transient says that the glossary Load returns belongs to the index
	// alone: each entity is cleared once indexed, so that a large glossary
	// is not held in memory twice, as entities and as documents.
	Transient bool
	// Stream, if set, is used instead of Load to build the index: the
	// glossary is validated, then indexed batch by batch, never held
	// whole. Load is used when the stream reports that it cannot stream
	// this glossary (glossary.ErrNotGrouped).
	Stream EntityStream
}

// EntityStream is a glossary read in batches, such as glossary.CSVStream.
type EntityStream interface {
	// Check validates the whole glossary and counts it.
	Check(ctx context.Context) (glossary.StreamStats, error)
	// Each hands the entities over, at most batch at a time.
	Each(ctx context.Context, batch int, fn func([]glossary.Entity) error) error
}

// entityFeed is what a build reads its entities from.
type entityFeed struct {
	entities, names int
	each            func(ctx context.Context, batch int, fn func([]glossary.Entity) error) error
}

// glossaryFeed feeds the entities of g; with release, each batch is
// cleared once fn is done with it.
func glossaryFeed(g *glossary.Glossary, release bool) entityFeed {
	return entityFeed{entities: len(g.Entities), names: g.NameCount(), each: func(ctx context.Context, batch int, fn func([]glossary.Entity) error) error {
		for from := 0; from < len(g.Entities); from += batch {
			to := min(from+batch, len(g.Entities))
			if err := fn(g.Entities[from:to]); err != nil {
				return err
			}
			if release {
				clear(g.Entities[from:to])
			}
		}
		return nil
	}}
}

// feed returns the entities of src to build from: streamed when it can be,
// loaded otherwise.
func (src Source) feed(ctx context.Context, log *slog.Logger) (entityFeed, error) {
	if src.Stream != nil {
		stats, err := src.Stream.Check(ctx)
		switch {
		case err == nil:
			return entityFeed{entities: stats.Entities, names: stats.Names, each: src.Stream.Each}, nil
		case errors.Is(err, glossary.ErrNotGrouped):
			log.Info("the glossary's rows are not grouped by entity: loading it whole")
		default:
			return entityFeed{}, err
		}
	}
	g, err := src.Load(ctx)
	if err != nil {
		return entityFeed{}, err
	}
	return glossaryFeed(g, src.Transient), nil
}

// GlossarySource is the Source of a glossary already loaded, fingerprinted
// by its content hash.
func GlossarySource(g *glossary.Glossary) Source {
	return Source{Fingerprint: g.Hash(), Load: func(context.Context) (*glossary.Glossary, error) { return g, nil }}
}

// Index answers queries against one glossary. It is safe for concurrent use.
type Index struct {
	opts  Options
	bleve bleve.Index
	snap  *snapshot
	// prefixes holds the best completions of short prefixes, recorded at
	// build; see prefixes.go.
	prefixes *prefixTable
	typos    *typoTable
	lock     *flock.Flock
	tempDir  string // removed on Close when Dir was ""
	// entityCount and nameCount are the glossary's, recorded at build.
	entityCount, nameCount int
	// entries caches decoded entities by document number, docs document
	// numbers by entity id, words the number of entities using a romanised
	// word.
	entries *cache[uint64, *entry]
	docs    *cache[string, uint64]
	words   *cache[string, int]
	// quals remembers the qualifier class of words read as inflected
	// qualifiers (see inflectedQualifierOf): a word's class depends on the
	// word alone, and finding it compares the word with every qualifier.
	quals *cache[string, qualifierClass]
	tags  *tagCache
	// scratch pools the working space of the word stages (wordScratch).
	scratch sync.Pool
	// Thresholds decide what is resolved; see rank.go.
	Thresholds Thresholds
}

// Open opens the index in opts.Dir for glossary g; see OpenSource.
func Open(ctx context.Context, g *glossary.Glossary, opts Options) (*Index, error) {
	return OpenSource(ctx, GlossarySource(g), opts)
}

// OpenSource opens the index in opts.Dir for the glossary of src, building
// it when the directory holds no index, or one built from another
// fingerprint or by another FormatVersion. Another process holding the
// directory gives ErrLocked.
func OpenSource(ctx context.Context, src Source, opts Options) (*Index, error) {
	opts.setDefaults()
	ix := &Index{
		opts: opts, Thresholds: DefaultThresholds,
		entries: newCache[uint64, *entry](opts.CacheSize),
		docs:    newCache[string, uint64](opts.CacheSize),
		words:   newCache[string, int](opts.CacheSize),
		quals:   newCache[string, qualifierClass](opts.CacheSize),
		tags:    &tagCache{},
		scratch: sync.Pool{New: func() any { return &wordScratch{weight: map[uint64]float64{}} }},
	}
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
	if err := ix.openOrBuild(ctx, src); err != nil {
		ix.lock.Unlock()
		if ix.tempDir != "" {
			os.RemoveAll(ix.tempDir)
		}
		return nil, err
	}
	return ix, nil
}

func (ix *Index) openOrBuild(ctx context.Context, src Source) error {
	dir, log := ix.opts.Dir, ix.opts.Logger
	want := FormatVersion + ":" + src.Fingerprint
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
			if err := ix.attach(idx); err != nil {
				idx.Close()
				reason = fmt.Sprintf("index %s is not usable (%v)", current, err)
				break
			}
			log.Info("index opened", "dir", dir, "generation", current, "entities", ix.entityCount, "names", ix.nameCount)
			ix.removeStale(current)
			return nil
		}
		idx.Close()
		reason = "glossary or index format changed"
		if !strings.HasPrefix(string(have), FormatVersion+":") {
			reason = "index format changed"
		}
	}
	feed, err := src.feed(ctx, log)
	if err != nil {
		return err
	}
	log.Info("building index", "dir", dir, "reason", reason, "entities", feed.entities, "names", feed.names, "streamed", src.Stream != nil)
	start := time.Now()
	gen := "gen-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	path := filepath.Join(dir, gen)
	fail := func(err error) error {
		os.RemoveAll(path)
		return err
	}
	entities, names := feed.entities, feed.names
	idx, tabs, err := build(ctx, path, feed, buildOptions{batchSize: ix.opts.BatchSize, progress: ix.opts.Progress})
	if err != nil {
		return fail(err)
	}
	for _, kv := range []struct {
		key []byte
		val string
	}{
		{internalEntities, strconv.Itoa(entities)},
		{internalNames, strconv.Itoa(names)},
		{internalPrefixes, string(tabs.prefixes)},
		{internalTypos, string(tabs.typos)},
		{internalHash, want}, // last: a build that stops before it is not taken for done
	} {
		if err := idx.SetInternal(kv.key, []byte(kv.val)); err != nil {
			idx.Close()
			return fail(fmt.Errorf("index: record %s: %w", kv.key, err))
		}
	}
	// Close and reopen so that everything is on disk before CURRENT names it.
	if err := idx.Close(); err != nil {
		return fail(fmt.Errorf("index: close new generation: %w", err))
	}
	if err := writeCurrent(dir, gen); err != nil {
		return fail(err)
	}
	if err := dropCached(path); err != nil {
		// Only memory is at stake: the index is complete on disk.
		log.Warn("index files not dropped from the page cache", "err", err)
	}
	idx, err = bleve.Open(path)
	if err != nil {
		return fmt.Errorf("index: open new generation: %w", err)
	}
	if err := ix.attach(idx); err != nil {
		idx.Close()
		return fmt.Errorf("index: open new generation: %w", err)
	}
	dur := time.Since(start)
	log.Info("index built", "dir", dir, "generation", gen, "dur", dur.Round(time.Millisecond),
		"entities_per_s", int(float64(entities)/dur.Seconds()), "disk_bytes", dirSize(path))
	ix.removeStale(gen)
	return nil
}

// attach makes idx the index queries read, through one reader held for
// the life of the Index: a generation does not change once built.
func (ix *Index) attach(idx bleve.Index) error {
	count := func(key []byte) (int, error) {
		b, err := idx.GetInternal(key)
		if err != nil {
			return 0, err
		}
		return strconv.Atoi(string(b))
	}
	var err error
	if ix.entityCount, err = count(internalEntities); err != nil {
		return fmt.Errorf("entity count: %w", err)
	}
	if ix.nameCount, err = count(internalNames); err != nil {
		return fmt.Errorf("name count: %w", err)
	}
	b, err := idx.GetInternal(internalPrefixes)
	if err != nil {
		return fmt.Errorf("prefix table: %w", err)
	}
	prefixes, err := decodePrefixTable(b)
	if err != nil {
		return err
	}
	if b, err = idx.GetInternal(internalTypos); err != nil {
		return fmt.Errorf("typo table: %w", err)
	}
	typos, err := decodeTypoTable(b)
	if err != nil {
		return err
	}
	snap, err := newSnapshot(idx)
	if err != nil {
		return err
	}
	ix.bleve, ix.snap, ix.prefixes, ix.typos = idx, snap, prefixes, typos
	return nil
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
	if ix.snap != nil {
		err = ix.snap.close()
	}
	if ix.bleve != nil {
		if cerr := ix.bleve.Close(); err == nil {
			err = cerr
		}
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

// Entity returns the entity with the given id, or ErrNotFound. The entity
// is shared with the index's cache: do not change it.
func (ix *Index) Entity(ctx context.Context, id string) (*glossary.Entity, error) {
	en, err := ix.entityByID(ctx, id)
	if err != nil {
		return nil, err
	}
	return &en.e, nil
}

// Len returns the number of entities.
func (ix *Index) Len() int { return ix.entityCount }

// DiskBytes returns the size of the index directory on disk.
func (ix *Index) DiskBytes() int64 { return dirSize(ix.opts.Dir) }

// NameCount returns the number of names.
func (ix *Index) NameCount() int { return ix.nameCount }

// newMapping describes entity documents for Bleve's own queries (the
// documents are built directly by entityDoc): every key a keyword field.
func newMapping() mapping.IndexMapping {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = keyword.Name
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}

// dirSize returns the bytes of the files under dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
