package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/index"
	"github.com/exonym/exonym/internal/bench"
	"github.com/exonym/exonym/internal/memstat"
	"github.com/exonym/exonym/seeds"
	"github.com/exonym/exonym/server"
)

func runBench(ctx context.Context, std stdio, args []string) error {
	if len(args) == 0 || (args[0] != "gen" && args[0] != "run") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprint(std.out, benchUsage)
			return helpRequested
		}
		fmt.Fprint(std.err, benchUsage)
		return &usageError{"bench: want `bench gen` or `bench run`"}
	}
	if args[0] == "gen" {
		return runBenchGen(ctx, std, args[1:])
	}
	return runBenchRun(ctx, std, args[1:])
}

const benchUsage = `Usage:
  exonym bench gen --entities N [--seed S] --out FILE.csv [--queries FILE.tsv]
  exonym bench run [--glossary FILE.csv] [--queries FILE.tsv] [--concurrency 1,8,64] [--duration 2s] [--json] [--addr A]

gen writes a synthetic glossary of N entities built from the real name parts
of the embedded glossary, in English, Arabic, Sorani and Kurmanji, and a query
file drawn from it. run starts the server on loopback (or uses --addr) and
measures each workload against the floor, an RPC that does nothing.

Example:
  exonym bench gen --entities 100000 --out /tmp/g100k.csv
  exonym bench run --glossary /tmp/g100k.csv --queries /tmp/g100k.queries.tsv
`

func runBenchGen(ctx context.Context, std stdio, args []string) error {
	fs := newBenchFlags("bench gen")
	n := fs.Int("entities", 10000, "entities to generate")
	seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same files")
	out := fs.String("out", "", "glossary CSV to write")
	queries := fs.String("queries", "", "query file to write (default: OUT with .queries.tsv)")
	per := fs.Int("per-workload", 500, "queries per workload")
	if err := parseBench(fs, std, args); err != nil {
		return err
	}
	if *out == "" || *n <= 0 {
		return &usageError{"bench gen: want --out FILE and --entities N > 0"}
	}
	if *queries == "" {
		*queries = strings.TrimSuffix(*out, filepath.Ext(*out)) + ".queries.tsv"
	}
	g, err := glossary.Load(seeds.FS, ".")
	if err != nil {
		return fmt.Errorf("exonym bench gen: %w", err)
	}
	gen, err := bench.NewGenerator(bench.PartsOf(g), *seed)
	if err != nil {
		return fmt.Errorf("exonym bench gen: %w", err)
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("exonym bench gen: %w", err)
	}
	defer f.Close()
	sample := bench.NewSample(2000, *seed)
	start := time.Now()
	done := 0
	err = gen.WriteGlossary(f, *n, func(e bench.Entity) {
		sample.Add(e)
		done++
		if done%100000 == 0 {
			fmt.Fprintf(std.err, "bench gen: %d of %d entities\n", done, *n)
		}
	})
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		return fmt.Errorf("exonym bench gen: %s: %w", *out, err)
	}
	qf, err := os.Create(*queries)
	if err != nil {
		return fmt.Errorf("exonym bench gen: %w", err)
	}
	defer qf.Close()
	if err := bench.WriteQueries(qf, bench.Queries(sample.Entities(), *seed, *per)); err != nil {
		return fmt.Errorf("exonym bench gen: %s: %w", *queries, err)
	}
	if err := qf.Close(); err != nil {
		return fmt.Errorf("exonym bench gen: %s: %w", *queries, err)
	}
	fmt.Fprintf(std.err, "bench gen: wrote %d entities to %s and queries to %s in %s\n", *n, *out, *queries, time.Since(start).Round(time.Millisecond))
	return nil
}

func runBenchRun(ctx context.Context, std stdio, args []string) error {
	fs := newBenchFlags("bench run")
	gpath := fs.String("glossary", "", "glossary to serve (default: 10,000 generated entities)")
	qpath := fs.String("queries", "", "query file (default: drawn from the generated glossary)")
	conc := fs.String("concurrency", "1,8,64", "comma-separated numbers of concurrent clients")
	dur := fs.Duration("duration", 2*time.Second, "how long each workload runs at each concurrency")
	jsonOut := fs.Bool("json", false, "print the report as one JSON object")
	addr := fs.String("addr", "", "measure a running server instead (its floor is the health check)")
	data := fs.String("data", "", "index directory (default: a temporary one)")
	memLimit := fs.String("memory-limit", "", "soft limit of the Go heap, as serve takes it")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the workloads (server and clients) to this file, for go tool pprof")
	if err := parseBench(fs, std, args); err != nil {
		return err
	}
	if err := setMemoryLimit(*memLimit); err != nil {
		return err
	}
	var cs []int
	for _, c := range strings.Split(*conc, ",") {
		v, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil || v <= 0 || v > 1024 {
			return &usageError{fmt.Sprintf("bench run: --concurrency %q: want numbers from 1 to 1024", *conc)}
		}
		cs = append(cs, v)
	}
	log := slog.New(slog.NewTextHandler(std.err, &slog.HandlerOptions{Level: slog.LevelWarn}))
	rep := bench.Report{Machine: fmt.Sprintf("%s/%s, %d CPUs, %s", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())}

	var queries []bench.Query
	target := *addr
	floor := false
	if target == "" {
		tmp, err := os.MkdirTemp("", "exonym-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		if *gpath == "" {
			*gpath = filepath.Join(tmp, "glossary.csv")
			if err := runBenchGen(ctx, std, []string{"--entities", "10000", "--out", *gpath}); err != nil {
				return err
			}
			if *qpath == "" {
				*qpath = filepath.Join(tmp, "glossary.queries.tsv")
			}
		}
		if *data == "" {
			*data = filepath.Join(tmp, "index")
		}
		src, err := glossarySource([]string{*gpath}, log)
		if err != nil {
			return fmt.Errorf("exonym bench run: %w", err)
		}
		buildStart := time.Now()
		sampled := memstat.Sample(500 * time.Millisecond)
		ix, err := index.OpenSource(ctx, src, index.Options{Dir: *data, Logger: log, Progress: newProgress(std.err, "bench run: indexing")})
		peaks := sampled()
		if err != nil {
			return fmt.Errorf("exonym bench run: %w", err)
		}
		buildDur := time.Since(buildStart)
		rep.Entities, rep.Names = ix.Len(), ix.NameCount()
		rep.Build = fmt.Sprintf("glossary loaded and index built in %s (%.0f entities/s), %s on disk; peak RSS %s (sampled: heap and stacks at most %s, mapped index files at most %s)",
			buildDur.Round(time.Millisecond), float64(ix.Len())/buildDur.Seconds(), size(ix.DiskBytes()), size(memstat.Read().Peak), size(peaks.Anon), size(peaks.File))
		if limit := debug.SetMemoryLimit(-1); limit < math.MaxInt64 {
			rep.Build += fmt.Sprintf("; Go memory limit %s", size(limit))
		}
		if err := ix.Close(); err != nil {
			return fmt.Errorf("exonym bench run: %w", err)
		}
		// A restart against the existing index: fingerprint the glossary
		// files, open.
		restart := time.Now()
		src, err = glossarySource([]string{*gpath}, log)
		if err != nil {
			return fmt.Errorf("exonym bench run: %w", err)
		}
		ix, err = index.OpenSource(ctx, src, index.Options{Dir: *data, Logger: log})
		if err != nil {
			return fmt.Errorf("exonym bench run: %w", err)
		}
		defer ix.Close()
		rep.Build += fmt.Sprintf("; restart on the existing index ready in %s", time.Since(restart).Round(time.Millisecond))

		lis, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		srv := server.New(server.Options{Index: ix, Logger: log, Register: bench.RegisterFloor, DrainTimeout: time.Second})
		sctx, stop := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- srv.Serve(sctx, lis) }()
		defer func() { stop(); <-done }()
		target, floor = lis.Addr().String(), true
	}
	if *qpath == "" {
		return &usageError{"bench run: with --addr or --glossary, give --queries (bench gen writes one)"}
	}
	qf, err := os.Open(*qpath)
	if err != nil {
		return fmt.Errorf("exonym bench run: %w", err)
	}
	queries, err = bench.ReadQueries(qf, *qpath)
	qf.Close()
	if err != nil {
		return fmt.Errorf("exonym bench run: %w", err)
	}
	conn, err := grpc.NewClient("passthrough:///"+target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	stopProfile, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return fmt.Errorf("exonym bench run: %w", err)
	}
	rep.Workloads, err = bench.Run(ctx, conn, bench.RunOptions{Queries: queries, Concurrency: cs, Duration: *dur, Floor: floor})
	if perr := stopProfile(); err == nil {
		err = perr
	}
	if err != nil {
		return fmt.Errorf("exonym bench run: %w", err)
	}
	if rep.Accuracy, err = bench.Check(ctx, conn, queries); err != nil {
		return fmt.Errorf("exonym bench run: %w", err)
	}
	if m := memstat.Read(); m.RSS > 0 {
		rep.Build += fmt.Sprintf("; after the workloads: RSS %s (%s heap and stacks, %s mapped index files; server and clients in one process)", size(m.RSS), size(m.Anon), size(m.File))
	}
	if *jsonOut {
		return rep.PrintJSON(std.out)
	}
	rep.PrintMarkdown(std.out)
	return nil
}

// newProgress reports a build's progress on w: a bar redrawn in place when
// w is a terminal, a line every five seconds otherwise.
func newProgress(w io.Writer, what string) func(done, total int) {
	tty := false
	if f, ok := w.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	start := time.Now()
	var last time.Time
	return func(done, total int) {
		now := time.Now()
		rate := float64(done) / now.Sub(start).Seconds()
		switch {
		case tty:
			const width = 30
			filled := width * done / max(total, 1)
			fmt.Fprintf(w, "\r%s [%s%s] %d/%d entities, %.0f/s", what, strings.Repeat("#", filled), strings.Repeat(" ", width-filled), done, total, rate)
			if done == total {
				fmt.Fprintln(w)
			}
		case now.Sub(last) >= 5*time.Second || done == total:
			last = now
			fmt.Fprintf(w, "%s: %d of %d entities, %.0f/s\n", what, done, total, rate)
		}
	}
}

// startCPUProfile starts a CPU profile into path, when path is not empty,
// and returns the function that stops it and closes the file.
func startCPUProfile(path string) (stop func() error, err error) {
	if path == "" {
		return func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile %s: %w", path, err)
	}
	return func() error {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			return fmt.Errorf("--cpuprofile %s: %w", path, err)
		}
		return nil
	}, nil
}

func newBenchFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("exonym "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseBench parses a bench subcommand's flags, printing the bench usage
// and the flags on -h (stdout) or on a mistake (stderr).
func parseBench(fs *flag.FlagSet, std stdio, args []string) error {
	err := fs.Parse(args)
	if err == nil {
		if fs.NArg() > 0 {
			return &usageError{fmt.Sprintf("%s: unexpected argument %q", strings.TrimPrefix(fs.Name(), "exonym "), fs.Arg(0))}
		}
		return nil
	}
	w := std.err
	if errors.Is(err, flag.ErrHelp) {
		w = std.out
	}
	fmt.Fprint(w, benchUsage)
	fmt.Fprintf(w, "\nFlags of %s:\n", strings.TrimPrefix(fs.Name(), "exonym "))
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	if errors.Is(err, flag.ErrHelp) {
		return helpRequested
	}
	return &usageError{fmt.Sprintf("%s: %v", strings.TrimPrefix(fs.Name(), "exonym "), err)}
}

func size(b int64) string {
	switch {
	case b >= 1<<30:
		return fmt.Sprintf("%.2f GiB", float64(b)/(1<<30))
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", b>>10)
}
