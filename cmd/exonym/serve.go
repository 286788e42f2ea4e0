package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/index"
	"github.com/exonym/exonym/internal/memstat"
	"github.com/exonym/exonym/seeds"
	"github.com/exonym/exonym/server"
)

const defaultAddr = "127.0.0.1:7070"

// defaultDataDir is where serve keeps its index when --data is not given.
func defaultDataDir() string {
	if dir, err := os.UserCacheDir(); err == nil {
		return filepath.Join(dir, "exonym", "index")
	}
	return filepath.Join(os.TempDir(), "exonym-index")
}

// loadGlossary loads the given files and folders, or the embedded default
// glossary when there are none.
func loadGlossary(paths []string) (*glossary.Glossary, error) {
	if len(paths) == 0 {
		g, err := glossary.Load(seeds.FS, ".")
		if err != nil {
			return nil, fmt.Errorf("embedded glossary: %w", err)
		}
		return g, nil
	}
	l := glossary.NewLoader(nil)
	for _, p := range paths {
		if err := l.AddOS(p); err != nil {
			return nil, err
		}
	}
	return l.Glossary()
}

// glossarySource is the glossary of the given paths (the embedded one when
// there are none) as an index source: fingerprinted by its files' bytes, so
// that a restart on an unchanged glossary opens the index without parsing
// it, and loaded only when the index must be built. (`exonym check` lists
// the names several entities share.)
func glossarySource(paths []string, log *slog.Logger) (index.Source, error) {
	var fp string
	var err error
	if len(paths) == 0 {
		fp, err = glossary.Fingerprint(seeds.FS, ".")
	} else {
		fp, err = glossary.FingerprintOS(paths...)
	}
	if err != nil {
		return index.Source{}, err
	}
	src := index.Source{Fingerprint: fp, Transient: true, Load: func(context.Context) (*glossary.Glossary, error) {
		start := time.Now()
		g, err := loadGlossary(paths)
		if err != nil {
			return nil, err
		}
		log.Info("glossary loaded", "entities", len(g.Entities), "names", g.NameCount(), "dur", time.Since(start).Round(time.Millisecond))
		return g, nil
	}}
	// CSV files are indexed as a stream, not held whole; YAML is loaded.
	if len(paths) > 0 {
		if st, err := glossary.NewCSVStreamOS(paths...); err == nil {
			src.Stream = st
		}
	}
	return src, nil
}

// buildProgress logs a build's progress every few seconds.
func buildProgress(log *slog.Logger) func(done, total int) {
	start := time.Now()
	last := start
	return func(done, total int) {
		if now := time.Now(); now.Sub(last) >= 5*time.Second && done < total {
			last = now
			log.Info("indexing", "entities", done, "of", total, "per_s", int(float64(done)/now.Sub(start).Seconds()))
		}
	}
}

// setMemoryLimit sets the Go runtime's soft memory limit from a size such
// as 1536MiB or 2GiB; "" leaves it as GOMEMLIMIT (or Go's default) set it.
// The garbage collector then works harder as the heap nears the limit,
// which bounds the memory a large build takes.
func setMemoryLimit(s string) error {
	if s == "" {
		return nil
	}
	units := []struct {
		suffix string
		mult   float64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"B", 1}}
	num, mult := s, 1.0
	for _, u := range units {
		if v, ok := strings.CutSuffix(s, u.suffix); ok {
			num, mult = v, u.mult
			break
		}
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || v <= 0 {
		return &usageError{fmt.Sprintf("--memory-limit %q: want a size such as 1536MiB or 2GiB", s)}
	}
	debug.SetMemoryLimit(int64(v * mult))
	return nil
}

func newLogger(std stdio, level string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, &usageError{fmt.Sprintf("--log-level %q: want debug, info, warn or error", level)}
	}
	return slog.New(slog.NewTextHandler(std.err, &slog.HandlerOptions{Level: lv})), nil
}

func runServe(ctx context.Context, std stdio, args []string) error {
	fs := newFlags(std, "serve")
	addr := fs.String("addr", defaultAddr, "address to listen on (host:port; port 0 picks a free one)")
	data := fs.String("data", defaultDataDir(), "index directory; built on first start, reused after")
	var paths stringList
	fs.Var(&paths, "glossary", "glossary file or folder (.yaml, .yml, .csv); repeatable; default: the embedded glossary")
	logLevel := fs.String("log-level", "info", "log level: debug, info, warn or error")
	drain := fs.Duration("drain", 10*time.Second, "how long to wait for open calls when stopping")
	memLimit := fs.String("memory-limit", "", "soft limit of the Go heap, such as 1536MiB or 2GiB (default: GOMEMLIMIT, or none)")
	if err := parse(fs, std, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("serve: unexpected argument %q (see `exonym serve --help`)", fs.Arg(0))}
	}
	log, err := newLogger(std, *logLevel)
	if err != nil {
		return err
	}
	if err := setMemoryLimit(*memLimit); err != nil {
		return err
	}
	slog.SetDefault(log)

	src, err := glossarySource(paths, log)
	if err != nil {
		return fmt.Errorf("exonym serve: %w", err)
	}
	ix, err := index.OpenSource(ctx, src, index.Options{Dir: *data, Logger: log, Progress: buildProgress(log)})
	if err != nil {
		return fmt.Errorf("exonym serve: %w", err)
	}
	defer func() {
		if err := ix.Close(); err != nil {
			log.Error("close index", "err", err)
		}
	}()
	lis, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("exonym serve: %w", err)
	}
	srv := server.New(server.Options{Index: ix, Logger: log, DrainTimeout: *drain})
	log.Info("serving", "addr", lis.Addr().String(), "entities", ix.Len(), "names", ix.NameCount(), "peak_rss_bytes", memstat.Read().Peak)
	if err := srv.Serve(ctx, lis); err != nil {
		return fmt.Errorf("exonym serve: %w", err)
	}
	log.Info("stopped")
	return nil
}
