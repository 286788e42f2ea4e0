package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	exonymv1 "github.com/exonym/exonym/proto/exonym/v1"
)

// clientFlags are the flags every client command has.
type clientFlags struct {
	addr    *string
	json    *bool
	timeout *time.Duration
}

func addClientFlags(fs *flag.FlagSet) clientFlags {
	return clientFlags{
		addr:    fs.String("addr", defaultAddr, "address of a running exonym serve (host:port)"),
		json:    fs.Bool("json", false, "print protojson, one response per line"),
		timeout: fs.Duration("timeout", 10*time.Second, "give up on a call after this long"),
	}
}

// typeFlag parses --type into the API's enum.
func typeFlag(fs *flag.FlagSet) *string {
	return fs.String("type", "", "only entities of this type: PLACE, PERSON or ORGANIZATION")
}

func parseTypes(cmd, s string) ([]exonymv1.EntityType, error) {
	if s == "" {
		return nil, nil
	}
	var out []exonymv1.EntityType
	for _, t := range strings.Split(s, ",") {
		switch strings.ToUpper(strings.TrimSpace(t)) {
		case "PLACE":
			out = append(out, exonymv1.EntityType_ENTITY_TYPE_PLACE)
		case "PERSON":
			out = append(out, exonymv1.EntityType_ENTITY_TYPE_PERSON)
		case "ORGANIZATION", "ORGANISATION", "ORG":
			out = append(out, exonymv1.EntityType_ENTITY_TYPE_ORGANIZATION)
		default:
			return nil, &usageError{fmt.Sprintf("%s: --type %q: want PLACE, PERSON or ORGANIZATION", cmd, t)}
		}
	}
	return out, nil
}

// dial connects to a server; the connection is lazy, so an unreachable
// server shows up as the first call's error, which callErr explains.
func dial(addr string) (*grpc.ClientConn, exonymv1.NameServiceClient, error) {
	conn, err := grpc.NewClient("passthrough:///"+addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, nil, fmt.Errorf("cannot connect to %s: %w", addr, err)
	}
	return conn, exonymv1.NewNameServiceClient(conn), nil
}

// callErr turns a failed call into a message a person can act on.
func callErr(cmd, addr string, err error) error {
	st, _ := status.FromError(err)
	switch st.Code() {
	case codes.Unavailable:
		return fmt.Errorf("exonym %s: cannot reach %s: is `exonym serve` running there? (%s)", cmd, addr, st.Message())
	case codes.DeadlineExceeded:
		return fmt.Errorf("exonym %s: %s did not answer in time (--timeout)", cmd, addr)
	}
	return fmt.Errorf("exonym %s: %s: %s", cmd, strings.ToLower(st.Code().String()), st.Message())
}

func printJSON(w io.Writer, m proto.Message) error {
	b, err := protojson.MarshalOptions{UseProtoNames: true}.Marshal(m)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

func runResolve(ctx context.Context, std stdio, args []string) error {
	fs := newFlags(std, "resolve")
	cf := addClientFlags(fs)
	types := typeFlag(fs)
	lang := fs.String("lang", "", "language of the names, as a BCP 47 hint (en, ar, ckb, kmr, tr, fa)")
	limit := fs.Int("limit", 5, "candidates per name (at most 100)")
	explain := fs.Bool("explain", false, "show the keys that met, for debugging a result")
	if err := parse(fs, std, args); err != nil {
		return err
	}
	ts, err := parseTypes("resolve", *types)
	if err != nil {
		return err
	}
	conn, client, err := dial(*cf.addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	newReq := func(name string) *exonymv1.ResolveRequest {
		return &exonymv1.ResolveRequest{Name: name, Lang: *lang, Types: ts, Limit: int32(*limit), Explain: *explain}
	}
	tw := newResolveTable(std.out, *cf.json)
	if fs.NArg() > 0 {
		for _, name := range fs.Args() {
			cctx, cancel := context.WithTimeout(ctx, *cf.timeout)
			resp, err := client.Resolve(cctx, newReq(name))
			cancel()
			if err != nil {
				return callErr("resolve", *cf.addr, err)
			}
			if err := tw.add(resp, ""); err != nil {
				return err
			}
		}
		return tw.flush()
	}
	return resolveStdin(ctx, std, client, *cf.addr, newReq, tw)
}

// resolveStdin streams the names on stdin, one per line, through
// ResolveStream and prints each answer as it comes.
func resolveStdin(ctx context.Context, std stdio, client exonymv1.NameServiceClient, addr string,
	newReq func(string) *exonymv1.ResolveRequest, tw *resolveTable) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stream, err := client.ResolveStream(ctx)
	if err != nil {
		return callErr("resolve", addr, err)
	}
	sendErr := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(std.in)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		line := 0
		for sc.Scan() {
			line++
			name := strings.TrimRight(sc.Text(), "\r")
			if strings.TrimSpace(name) == "" {
				continue
			}
			if err := stream.Send(&exonymv1.ResolveStreamRequest{Request: newReq(name)}); err != nil {
				sendErr <- nil // the receive side reports the stream's error
				return
			}
		}
		if err := sc.Err(); err != nil {
			sendErr <- fmt.Errorf("exonym resolve: stdin line %d: %w", line+1, err)
			cancel()
			return
		}
		sendErr <- stream.CloseSend()
	}()
	for {
		resp, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if serr := <-sendErr; serr != nil {
				return serr
			}
			return callErr("resolve", addr, err)
		}
		if err := tw.add(resp.GetResponse(), resp.GetError()); err != nil {
			return err
		}
	}
	if err := <-sendErr; err != nil {
		return err
	}
	return tw.flush()
}

// resolveTable prints resolve answers as a table, or as JSON lines.
type resolveTable struct {
	w    io.Writer
	json bool
	tw   *tabwriter.Writer
	n    int
}

func newResolveTable(w io.Writer, json bool) *resolveTable {
	return &resolveTable{w: w, json: json, tw: tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)}
}

func (t *resolveTable) add(r *exonymv1.ResolveResponse, errMsg string) error {
	if t.json {
		if errMsg != "" {
			_, err := fmt.Fprintf(t.w, "{\"error\":%q}\n", errMsg)
			return err
		}
		return printJSON(t.w, r)
	}
	if t.n == 0 {
		fmt.Fprintln(t.tw, "QUERY\tANSWER\tSCORE\tMATCH\tMATCHED NAME\tOTHER CANDIDATES")
	}
	t.n++
	if errMsg != "" {
		fmt.Fprintf(t.tw, "?\terror: %s\t\t\t\t\n", errMsg)
		return t.flushEvery()
	}
	answer := r.GetResolvedId()
	switch {
	case answer == "" && r.GetAmbiguous():
		answer = "(ambiguous)"
	case answer == "":
		answer = "(no match)"
	}
	score, match, matched := "", "", ""
	var others []string
	for i, c := range r.GetCandidates() {
		if i == 0 {
			score = fmt.Sprintf("%.3f", c.GetScore())
			match = strings.ToLower(strings.TrimPrefix(c.GetMatchKind().String(), "MATCH_KIND_"))
			matched = fmt.Sprintf("%s (%s)", c.GetMatchedName(), c.GetMatchedLang())
			if r.GetResolvedId() == "" {
				others = append(others, fmt.Sprintf("%s %.2f", c.GetEntityId(), c.GetScore()))
			}
			continue
		}
		if len(others) < 3 {
			others = append(others, fmt.Sprintf("%s %.2f", c.GetEntityId(), c.GetScore()))
		}
	}
	fmt.Fprintf(t.tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.GetQuery(), answer, score, match, matched, strings.Join(others, ", "))
	for _, c := range r.GetCandidates() {
		for _, e := range c.GetExplanation() {
			fmt.Fprintf(t.tw, "\t  %s: %s\t\t\t\t\n", c.GetEntityId(), e)
		}
	}
	return t.flushEvery()
}

// flushEvery flushes the table every 100 rows, so a long stream shows
// progress while columns stay mostly aligned.
func (t *resolveTable) flushEvery() error {
	if t.n%100 == 0 {
		return t.tw.Flush()
	}
	return nil
}

func (t *resolveTable) flush() error {
	if t.json {
		return nil
	}
	return t.tw.Flush()
}

// oneArg checks that a command got exactly one argument.
func oneArg(fs *flag.FlagSet, cmd, what string) (string, error) {
	if fs.NArg() != 1 {
		return "", &usageError{fmt.Sprintf("%s: want one %s, got %d arguments (see `exonym %s --help`)", cmd, what, fs.NArg(), cmd)}
	}
	return fs.Arg(0), nil
}

func runGet(ctx context.Context, std stdio, args []string) error {
	fs := newFlags(std, "get")
	cf := addClientFlags(fs)
	if err := parse(fs, std, args); err != nil {
		return err
	}
	id, err := oneArg(fs, "get", "entity id")
	if err != nil {
		return err
	}
	conn, client, err := dial(*cf.addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	cctx, cancel := context.WithTimeout(ctx, *cf.timeout)
	defer cancel()
	resp, err := client.GetEntity(cctx, &exonymv1.GetEntityRequest{Id: id})
	if err != nil {
		return callErr("get", *cf.addr, err)
	}
	if *cf.json {
		return printJSON(std.out, resp)
	}
	e := resp.GetEntity()
	w := tabwriter.NewWriter(std.out, 2, 8, 2, ' ', 0)
	fmt.Fprintf(w, "%s\t%s\t%s\n", e.GetId(), strings.TrimPrefix(e.GetType().String(), "ENTITY_TYPE_"), e.GetSubtype())
	fmt.Fprintf(w, "%s\n\n", e.GetDescriptions()["en"])
	fmt.Fprintln(w, "LANG\tKIND\tNAME\tNOTE")
	for _, n := range e.GetNames() {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", n.GetLang(), strings.ToLower(strings.TrimPrefix(n.GetKind().String(), "NAME_KIND_")), n.GetText(), n.GetNote())
	}
	if len(e.GetRelations()) > 0 {
		fmt.Fprintln(w, "\nRELATION\tTARGET")
		for _, r := range e.GetRelations() {
			fmt.Fprintf(w, "%s\t%s\n", r.GetType(), r.GetTargetId())
		}
	}
	return w.Flush()
}

func runSearch(ctx context.Context, std stdio, args []string) error {
	fs := newFlags(std, "search")
	cf := addClientFlags(fs)
	types := typeFlag(fs)
	lang := fs.String("lang", "", "only names in this language (BCP 47)")
	limit := fs.Int("limit", 10, "results per page (at most 100)")
	page := fs.String("page-token", "", "the next page token printed by a previous search")
	if err := parse(fs, std, args); err != nil {
		return err
	}
	q, err := oneArg(fs, "search", "query")
	if err != nil {
		return err
	}
	ts, err := parseTypes("search", *types)
	if err != nil {
		return err
	}
	conn, client, err := dial(*cf.addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	cctx, cancel := context.WithTimeout(ctx, *cf.timeout)
	defer cancel()
	resp, err := client.Search(cctx, &exonymv1.SearchRequest{Query: q, Types: ts, Lang: *lang, PageSize: int32(*limit), PageToken: *page})
	if err != nil {
		return callErr("search", *cf.addr, err)
	}
	if *cf.json {
		return printJSON(std.out, resp)
	}
	w := tabwriter.NewWriter(std.out, 2, 8, 2, ' ', 0)
	fmt.Fprintln(w, "ENTITY\tDISPLAY NAME\tSCORE\tMATCH\tMATCHED NAME")
	for _, c := range resp.GetResults() {
		fmt.Fprintf(w, "%s\t%s\t%.3f\t%s\t%s (%s)\n", c.GetEntityId(), c.GetDisplayName(), c.GetScore(),
			strings.ToLower(strings.TrimPrefix(c.GetMatchKind().String(), "MATCH_KIND_")), c.GetMatchedName(), c.GetMatchedLang())
	}
	if resp.GetNextPageToken() != "" {
		fmt.Fprintf(w, "\nmore: --page-token %s\n", resp.GetNextPageToken())
	}
	return w.Flush()
}

func runSuggest(ctx context.Context, std stdio, args []string) error {
	fs := newFlags(std, "suggest")
	cf := addClientFlags(fs)
	types := typeFlag(fs)
	lang := fs.String("lang", "", "only names in this language (BCP 47)")
	limit := fs.Int("limit", 10, "suggestions (at most 100)")
	if err := parse(fs, std, args); err != nil {
		return err
	}
	prefix, err := oneArg(fs, "suggest", "prefix")
	if err != nil {
		return err
	}
	ts, err := parseTypes("suggest", *types)
	if err != nil {
		return err
	}
	conn, client, err := dial(*cf.addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	cctx, cancel := context.WithTimeout(ctx, *cf.timeout)
	defer cancel()
	resp, err := client.Suggest(cctx, &exonymv1.SuggestRequest{Prefix: prefix, Types: ts, Lang: *lang, Limit: int32(*limit)})
	if err != nil {
		return callErr("suggest", *cf.addr, err)
	}
	if *cf.json {
		return printJSON(std.out, resp)
	}
	w := tabwriter.NewWriter(std.out, 2, 8, 2, ' ', 0)
	for _, s := range resp.GetSuggestions() {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", s.GetText(), s.GetLang(), s.GetEntityId(), s.GetDisplayName())
	}
	return w.Flush()
}

func runExpand(ctx context.Context, std stdio, args []string) error {
	fs := newFlags(std, "expand")
	cf := addClientFlags(fs)
	types := typeFlag(fs)
	lang := fs.String("lang", "", "language of the name, as a BCP 47 hint")
	if err := parse(fs, std, args); err != nil {
		return err
	}
	name, err := oneArg(fs, "expand", "name")
	if err != nil {
		return err
	}
	ts, err := parseTypes("expand", *types)
	if err != nil {
		return err
	}
	conn, client, err := dial(*cf.addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	cctx, cancel := context.WithTimeout(ctx, *cf.timeout)
	defer cancel()
	resp, err := client.Expand(cctx, &exonymv1.ExpandRequest{Name: name, Lang: *lang, Types: ts})
	if err != nil {
		return callErr("expand", *cf.addr, err)
	}
	if *cf.json {
		return printJSON(std.out, resp)
	}
	if resp.GetAmbiguous() {
		fmt.Fprintf(std.out, "%q is ambiguous; the variants of each entity it may mean:\n", name)
	}
	w := tabwriter.NewWriter(std.out, 2, 8, 2, ' ', 0)
	for _, x := range resp.GetExpansions() {
		fmt.Fprintf(w, "%s\t%s\n", x.GetEntityId(), x.GetDisplayName())
		for _, v := range x.GetVariants() {
			fmt.Fprintf(w, "  %s\t%s\n", v.GetLang(), strings.Join(v.GetNames(), " | "))
		}
	}
	return w.Flush()
}

func runLookup(ctx context.Context, std stdio, args []string) error {
	fs := newFlags(std, "lookup")
	cf := addClientFlags(fs)
	types := typeFlag(fs)
	to := fs.String("to", "", "target languages, comma-separated BCP 47 tags (default: every language the entity has)")
	from := fs.String("from", "", "language of the term, as a hint")
	if err := parse(fs, std, args); err != nil {
		return err
	}
	term, err := oneArg(fs, "lookup", "term")
	if err != nil {
		return err
	}
	ts, err := parseTypes("lookup", *types)
	if err != nil {
		return err
	}
	var targets []string
	for _, t := range strings.Split(*to, ",") {
		if t = strings.TrimSpace(t); t != "" {
			targets = append(targets, t)
		}
	}
	conn, client, err := dial(*cf.addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	cctx, cancel := context.WithTimeout(ctx, *cf.timeout)
	defer cancel()
	resp, err := client.Translate(cctx, &exonymv1.TranslateRequest{Term: term, TargetLangs: targets, Types: ts, SourceLang: *from})
	if err != nil {
		return callErr("lookup", *cf.addr, err)
	}
	if *cf.json {
		return printJSON(std.out, resp)
	}
	fmt.Fprintf(std.out, "%s — %s (%s)\n", term, resp.GetDisplayName(), resp.GetEntityId())
	if d := resp.GetDescription(); d != "" {
		fmt.Fprintf(std.out, "%s\n", d)
	}
	fmt.Fprintln(std.out)
	w := tabwriter.NewWriter(std.out, 2, 8, 2, ' ', 0)
	fmt.Fprintln(w, "LANG\tPREFERRED\tALSO\tNOTE")
	for _, t := range resp.GetTranslations() {
		text := t.GetText()
		if text == "" {
			text = "(none recorded)"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", t.GetLang(), text, strings.Join(t.GetAlternatives(), " | "), t.GetNote())
	}
	return w.Flush()
}

func runCompare(ctx context.Context, std stdio, args []string) error {
	fs := newFlags(std, "compare")
	cf := addClientFlags(fs)
	types := typeFlag(fs)
	if err := parse(fs, std, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return &usageError{fmt.Sprintf("compare: want two names, got %d arguments (see `exonym compare --help`)", fs.NArg())}
	}
	ts, err := parseTypes("compare", *types)
	if err != nil {
		return err
	}
	req := &exonymv1.CompareRequest{A: fs.Arg(0), B: fs.Arg(1)}
	if len(ts) > 1 {
		return &usageError{"compare: --type takes one type"}
	} else if len(ts) == 1 {
		req.Type = ts[0]
	}
	conn, client, err := dial(*cf.addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	cctx, cancel := context.WithTimeout(ctx, *cf.timeout)
	defer cancel()
	resp, err := client.Compare(cctx, req)
	if err != nil {
		return callErr("compare", *cf.addr, err)
	}
	if *cf.json {
		return printJSON(std.out, resp)
	}
	verdict := "different names"
	if resp.GetSame() {
		verdict = "the same name"
	}
	var levels []string
	for _, l := range resp.GetLevels() {
		levels = append(levels, strings.ToLower(strings.TrimPrefix(l.String(), "MATCH_KIND_")))
	}
	if len(levels) == 0 {
		levels = []string{"none"}
	}
	how := "no match"
	if resp.GetMatchKind() != exonymv1.MatchKind_MATCH_KIND_UNSPECIFIED {
		how = strings.ToLower(strings.TrimPrefix(resp.GetMatchKind().String(), "MATCH_KIND_")) + " match"
	}
	fmt.Fprintf(std.out, "%s (score %.3f, %s; keys equal at: %s)\n", verdict, resp.GetScore(), how, strings.Join(levels, ", "))
	return nil
}
