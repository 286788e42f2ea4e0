package server

import (
	"context"
	"errors"
	"io"
	"runtime"
	"strconv"
	"sync"

	"golang.org/x/text/language"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/index"
	exonymv1 "github.com/exonym/exonym/proto/exonym/v1"
)

// Resolve finds the entity a name refers to.
func (s *Server) Resolve(ctx context.Context, req *exonymv1.ResolveRequest) (*exonymv1.ResolveResponse, error) {
	q, err := queryFromResolve(req)
	if err != nil {
		return nil, s.toStatus(ctx, err)
	}
	res, err := s.ix.Resolve(ctx, q)
	if err != nil {
		return nil, s.toStatus(ctx, err)
	}
	return resultToProto(res), nil
}

// ResolveStream resolves names as they arrive and answers each in order. A
// bad name is answered with its error; the stream goes on. Names are
// resolved concurrently by a fixed set of workers, and answered in the
// order they came.
//
// The workers live as long as the stream: a goroutine started per name
// began with a small stack and grew it on every name (a Resolve is deep),
// copying it each time (with the same for every unary call, 6% of the CPU
// of a benchmark run of exact hits and streams at a million entities).
func (s *Server) ResolveStream(stream exonymv1.NameService_ResolveStreamServer) error {
	ctx, cancel := context.WithCancel(stream.Context())
	defer cancel()
	workers := max(2, 2*runtime.GOMAXPROCS(0))
	// A job is one received name and the channel its answer goes to.
	type job struct {
		req *exonymv1.ResolveRequest
		out chan *exonymv1.ResolveStreamResponse
	}
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- s.resolveOne(ctx, j.req)
			}
		}()
	}
	// pending holds one channel per received name, in order; the sender
	// drains them in that order.
	pending := make(chan chan *exonymv1.ResolveStreamResponse, 4*workers)
	sendErr := make(chan error, 1)
	go func() {
		var err error
		for ch := range pending {
			out := <-ch
			if err == nil && out != nil {
				err = stream.Send(out)
				if err != nil {
					cancel()
				}
			}
		}
		sendErr <- err
	}()
	recvErr := func() error {
		for {
			in, err := stream.Recv()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			ch := make(chan *exonymv1.ResolveStreamResponse, 1)
			select {
			case pending <- ch:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{req: in.GetRequest(), out: ch}:
			case <-ctx.Done():
				ch <- nil
				return ctx.Err()
			}
		}
	}()
	close(jobs)
	wg.Wait()
	close(pending)
	if err := <-sendErr; err != nil {
		return err
	}
	return recvErr
}

// resolveOne answers one name of a stream; a bad name gets its message,
// and so does one that meets a bug (it runs in a goroutine of its own, out
// of reach of the stream's interceptor).
func (s *Server) resolveOne(ctx context.Context, req *exonymv1.ResolveRequest) (out *exonymv1.ResolveStreamResponse) {
	defer func() {
		if r := recover(); r != nil {
			s.logPanic(ctx, "ResolveStream", r)
			out = &exonymv1.ResolveStreamResponse{Error: codes.Internal.String() + ": " + internalMessage}
		}
	}()
	q, err := queryFromResolve(req)
	if err == nil {
		var res index.Result
		if res, err = s.ix.Resolve(ctx, q); err == nil {
			return &exonymv1.ResolveStreamResponse{Response: resultToProto(res)}
		}
	}
	st := status.Convert(s.toStatus(ctx, err))
	return &exonymv1.ResolveStreamResponse{Error: st.Code().String() + ": " + st.Message()}
}

// GetEntity returns one entity.
func (s *Server) GetEntity(ctx context.Context, req *exonymv1.GetEntityRequest) (*exonymv1.GetEntityResponse, error) {
	if req.GetId() == "" {
		return nil, s.toStatus(ctx, invalid("id is empty: send an entity id such as place/kirkuk"))
	}
	if err := checkName("id", req.GetId()); err != nil {
		return nil, s.toStatus(ctx, err)
	}
	e, err := s.ix.Entity(ctx, req.GetId())
	if err != nil {
		return nil, s.toStatus(ctx, err)
	}
	return &exonymv1.GetEntityResponse{Entity: entityToProto(e)}, nil
}

// Search returns one page of the entities matching a query.
func (s *Server) Search(ctx context.Context, req *exonymv1.SearchRequest) (*exonymv1.SearchResponse, error) {
	if err := checkName("query", req.GetQuery()); err != nil {
		return nil, s.toStatus(ctx, err)
	}
	types, err := typesFromProto("types", req.GetTypes())
	if err != nil {
		return nil, s.toStatus(ctx, err)
	}
	lang, err := parseLang("lang", req.GetLang())
	if err != nil {
		return nil, s.toStatus(ctx, err)
	}
	size, err := checkLimit("page_size", req.GetPageSize(), 10)
	if err != nil {
		return nil, s.toStatus(ctx, err)
	}
	offset := 0
	if tok := req.GetPageToken(); tok != "" {
		offset, err = strconv.Atoi(tok)
		if err != nil || offset < 0 {
			return nil, s.toStatus(ctx, invalid("page_token %q is not one this server gave: send the next_page_token of the previous response, or nothing", tok))
		}
	}
	cands, total, err := s.ix.Search(ctx, index.Query{Text: req.GetQuery(), Lang: lang, Types: types}, offset, size)
	if err != nil {
		return nil, s.toStatus(ctx, err)
	}
	out := &exonymv1.SearchResponse{}
	for _, c := range cands {
		if lang != language.Und && c.MatchedLang != lang.String() {
			continue
		}
		out.Results = append(out.Results, candidateToProto(c))
	}
	if offset+size < total {
		out.NextPageToken = strconv.Itoa(offset + size)
	}
	return out, nil
}

// Suggest completes a prefix.
func (s *Server) Suggest(ctx context.Context, req *exonymv1.SuggestRequest) (*exonymv1.SuggestResponse, error) {
	if err := checkName("prefix", req.GetPrefix()); err != nil {
		return nil, s.toStatus(ctx, err)
	}
	types, err := typesFromProto("types", req.GetTypes())
	if err != nil {
		return nil, s.toStatus(ctx, err)
	}
	lang, err := parseLang("lang", req.GetLang())
	if err != nil {
		return nil, s.toStatus(ctx, err)
	}
	limit, err := checkLimit("limit", req.GetLimit(), 10)
	if err != nil {
		return nil, s.toStatus(ctx, err)
	}
	sugg, err := s.ix.Suggest(ctx, req.GetPrefix(), types, lang, limit)
	if err != nil {
		return nil, s.toStatus(ctx, err)
	}
	out := &exonymv1.SuggestResponse{}
	for _, sg := range sugg {
		out.Suggestions = append(out.Suggestions, &exonymv1.Suggestion{
			Text: sg.Text, Lang: sg.Lang, EntityId: sg.EntityID, Type: typeToProto(sg.Type), DisplayName: sg.DisplayName,
		})
	}
	return out, nil
}

// Expand returns every variant of the entity a name refers to; of each
// candidate when the name is ambiguous. An unknown name is NotFound.
func (s *Server) Expand(ctx context.Context, req *exonymv1.ExpandRequest) (*exonymv1.ExpandResponse, error) {
	q, err := queryFromResolve(&exonymv1.ResolveRequest{Name: req.GetName(), Lang: req.GetLang(), Types: req.GetTypes()})
	if err != nil {
		return nil, s.toStatus(ctx, err)
	}
	res, err := s.ix.Resolve(ctx, q)
	if err != nil {
		return nil, s.toStatus(ctx, err)
	}
	ids := s.meant(res)
	if len(ids) == 0 {
		return nil, status.Errorf(codes.NotFound, "no entity confidently matches %q: try Search to see the candidates", req.GetName())
	}
	out := &exonymv1.ExpandResponse{Query: req.GetName(), Ambiguous: res.Ambiguous}
	for _, id := range ids {
		e, err := s.ix.Entity(ctx, id)
		if err != nil {
			return nil, s.toStatus(ctx, err)
		}
		out.Expansions = append(out.Expansions, &exonymv1.Expansion{EntityId: e.ID, DisplayName: e.DisplayName(), Variants: variantsOf(e)})
	}
	return out, nil
}

// meant returns the resolved entity, or the entities an ambiguous name may
// mean (those within the margin of the best).
func (s *Server) meant(res index.Result) []string {
	if res.ResolvedID != "" {
		return []string{res.ResolvedID}
	}
	if !res.Ambiguous {
		return nil
	}
	var ids []string
	top := res.Candidates[0].Score
	for _, c := range res.Candidates {
		if top-c.Score < s.ix.Thresholds.Margin {
			ids = append(ids, c.EntityID)
		}
	}
	return ids
}

// Translate returns the preferred name of the matched entity in each target
// language.
func (s *Server) Translate(ctx context.Context, req *exonymv1.TranslateRequest) (*exonymv1.TranslateResponse, error) {
	q, err := queryFromResolve(&exonymv1.ResolveRequest{Name: req.GetTerm(), Lang: req.GetSourceLang(), Types: req.GetTypes()})
	if err != nil {
		return nil, s.toStatus(ctx, invalid("term: %v", err))
	}
	var targets []language.Tag
	for _, l := range req.GetTargetLangs() {
		tag, err := parseLang("target_langs", l)
		if err != nil {
			return nil, s.toStatus(ctx, err)
		}
		targets = append(targets, tag)
	}
	res, err := s.ix.Resolve(ctx, q)
	if err != nil {
		return nil, s.toStatus(ctx, err)
	}
	if res.ResolvedID == "" {
		if res.Ambiguous {
			return nil, status.Errorf(codes.FailedPrecondition, "%q is ambiguous (%s, %s, ...): add a type or use a fuller name", req.GetTerm(), res.Candidates[0].EntityID, res.Candidates[1].EntityID)
		}
		return nil, status.Errorf(codes.NotFound, "no entity confidently matches %q: try Search to see the candidates", req.GetTerm())
	}
	e, err := s.ix.Entity(ctx, res.ResolvedID)
	if err != nil {
		return nil, s.toStatus(ctx, err)
	}
	if len(targets) == 0 {
		seen := map[language.Tag]bool{}
		for _, n := range e.Names {
			if !seen[n.Lang] && n.Kind != glossary.KindMisspelling {
				seen[n.Lang] = true
				targets = append(targets, n.Lang)
			}
		}
	}
	out := &exonymv1.TranslateResponse{Term: req.GetTerm(), EntityId: e.ID, DisplayName: e.DisplayName(), Description: e.Descriptions["en"]}
	for _, t := range targets {
		out.Translations = append(out.Translations, translation(e, t))
	}
	return out, nil
}

// Compare tells whether two names are the same name.
func (s *Server) Compare(ctx context.Context, req *exonymv1.CompareRequest) (*exonymv1.CompareResponse, error) {
	if err := checkName("a", req.GetA()); err != nil {
		return nil, s.toStatus(ctx, err)
	}
	if err := checkName("b", req.GetB()); err != nil {
		return nil, s.toStatus(ctx, err)
	}
	var t glossary.Type
	if req.GetType() != exonymv1.EntityType_ENTITY_TYPE_UNSPECIFIED {
		ts, err := typesFromProto("type", []exonymv1.EntityType{req.GetType()})
		if err != nil {
			return nil, s.toStatus(ctx, err)
		}
		t = ts[0]
	}
	c := index.Compare(req.GetA(), req.GetB(), t)
	out := &exonymv1.CompareResponse{Score: c.Score, Same: c.Same, MatchKind: matchToProto(c.Match)}
	for _, l := range c.Levels {
		out.Levels = append(out.Levels, levelToProto(l))
	}
	return out, nil
}
