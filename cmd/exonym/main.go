// Command exonym is the multilingual glossary and name-normalisation
// service: `exonym serve` runs the gRPC server; the other commands are its
// clients and tools. Run `exonym --help` for the list.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// stdio is the process's standard streams, passed in so tests can run
// commands in process.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// command is one subcommand.
type command struct {
	name, args, short, example string
	run                        func(ctx context.Context, std stdio, args []string) error
}

// commands is the table of subcommands; it is filled in init because the
// commands' own usage reads it.
var commands []command

func init() {
	commands = []command{
		{"serve", "[--addr A] [--data DIR] [--glossary PATH]...", "run the gRPC service on the embedded glossary or the given files",
			"exonym serve --addr 127.0.0.1:7070", runServe},
		{"resolve", "[--addr A] [--type T] [--lang L] [--limit N] [--json] [NAME...]", "resolve names to entity ids (from stdin, one per line, when no NAME)",
			"exonym resolve --json Slemani کەرکووک Daesh", runResolve},
		{"get", "[--addr A] [--json] ID", "show every name, description and relation of an entity",
			"exonym get place/kirkuk", runGet},
		{"search", "[--addr A] [--type T] [--lang L] [--limit N] [--page-token P] [--json] QUERY", "list the entities matching a query, best first",
			"exonym search Talabani", runSearch},
		{"suggest", "[--addr A] [--type T] [--lang L] [--limit N] [--json] PREFIX", "complete a prefix in any script",
			"exonym suggest سل", runSuggest},
		{"expand", "[--addr A] [--type T] [--lang L] [--json] NAME", "every variant of a name, by language, for query expansion",
			"exonym expand Erbil", runExpand},
		{"lookup", "[--addr A] [--to LANGS] [--type T] [--json] TERM", "a term's accepted form in other languages, for translators",
			"exonym lookup --to ar,ckb,kmr \"Altun Kupri\"", runLookup},
		{"compare", "[--addr A] [--type T] [--json] A B", "are two names, in or out of the glossary, the same name?",
			"exonym compare \"Qassem Suleimani\" \"قاسم سليماني\"", runCompare},
		{"eval", "[--addr A | --glossary PATH...] [--baseline] [--failures] FILE.tsv...", "score matching on rows of expected answers",
			"exonym eval testdata/eval/*.tsv", runEval},
		{"check", "[--glossary PATH...]", "validate a glossary and list the names several entities share",
			"exonym check --glossary seeds/", runCheck},
		{"export", "[--glossary PATH...] [--format csv|yaml] [--out FILE]", "write the glossary for review, one row per name (csv) or as YAML",
			"exonym export --format csv --out glossary.csv", runExport},
		{"bench", "gen|run [flags]", "generate a large glossary and measure the server against the floor",
			"exonym bench run --concurrency 1,8", runBench},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, stdio{os.Stdin, os.Stdout, os.Stderr}, os.Args[1:])
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// usageError is a mistake in the command line; it exits with status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// helpRequested ends a run that printed help; it exits with status 0.
var helpRequested = errors.New("help requested")

func exitCode(err error, stderr io.Writer) int {
	var uerr *usageError
	switch {
	case err == nil, errors.Is(err, helpRequested):
		return 0
	case errors.As(err, &uerr):
		fmt.Fprintln(stderr, "exonym:", uerr.msg)
		return 2
	}
	fmt.Fprintln(stderr, err)
	return 1
}

func run(ctx context.Context, std stdio, args []string) error {
	if len(args) == 0 {
		usage(std.err)
		return &usageError{"no command given"}
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "help" {
		usage(std.out)
		return helpRequested
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(ctx, std, args[1:])
		}
	}
	usage(std.err)
	return &usageError{fmt.Sprintf("unknown command %q", name)}
}

func usage(w io.Writer) {
	fmt.Fprint(w, `exonym resolves names of places, persons and organisations, as written in
English, Arabic, Sorani, Kurmanji, Turkish or Persian, to canonical ids.

Usage: exonym COMMAND [flags] [args]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.short)
	}
	fmt.Fprint(w, "\nRun `exonym COMMAND --help` for a command's flags and an example.\n")
}

// newFlags returns a FlagSet for a command; parse prints its usage, which
// lists every flag and an example.
func newFlags(std stdio, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("exonym "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {} // parse prints usage where it belongs
	return fs
}

// printUsage writes a command's usage, flags and example to w.
func printUsage(w io.Writer, fs *flag.FlagSet) {
	name := strings.TrimPrefix(fs.Name(), "exonym ")
	var c command
	for _, cc := range commands {
		if cc.name == name {
			c = cc
		}
	}
	fmt.Fprintf(w, "Usage: exonym %s %s\n\n%s\n\nFlags:\n", c.name, c.args, sentence(upperFirst(c.short)))
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	fmt.Fprintf(w, "\nExample:\n  %s\n", c.example)
}

// parse parses flags: -h prints the usage to stdout; a bad flag gets a
// one-line error and the usage on stderr.
func parse(fs *flag.FlagSet, std stdio, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(std.out, fs)
			return helpRequested
		}
		printUsage(std.err, fs)
		return &usageError{fmt.Sprintf("%s: %v", strings.TrimPrefix(fs.Name(), "exonym "), err)}
	}
	return nil
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// sentence ends s with a full stop unless it ends with a question mark.
func sentence(s string) string {
	if strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}
