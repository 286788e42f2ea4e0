// Package server serves exonym's gRPC API: NameService over an index, with
// gRPC health and server reflection. It holds no matching logic of its own;
// it checks requests, calls package index, and maps errors to status codes
// in one place.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"runtime"
	"runtime/debug"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/reflection"
	"google.golang.org/grpc/status"

	"github.com/exonym/exonym/glossary"
	"github.com/exonym/exonym/index"
	exonymv1 "github.com/exonym/exonym/proto/exonym/v1"
)

// Options configure New. Index is required; the rest have defaults.
type Options struct {
	Index        *index.Index
	Logger       *slog.Logger  // nil discards
	DrainTimeout time.Duration // how long Serve waits for open calls on shutdown; 0 means 10s
	// Register, if set, registers further services on the gRPC server (the
	// benchmark's floor service).
	Register func(*grpc.Server)
}

// Server is the gRPC server of exonym.
type Server struct {
	exonymv1.UnimplementedNameServiceServer
	opts   Options
	log    *slog.Logger
	ix     *index.Index
	grpc   *grpc.Server
	health *health.Server
}

// New returns a server with NameService, health and reflection registered.
func New(opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opts.DrainTimeout <= 0 {
		opts.DrainTimeout = 10 * time.Second
	}
	s := &Server{opts: opts, log: opts.Logger, ix: opts.Index, health: health.NewServer()}
	s.grpc = grpc.NewServer(
		grpc.ChainUnaryInterceptor(s.logUnary),
		grpc.ChainStreamInterceptor(s.logStream),
		grpc.MaxRecvMsgSize(1<<20),
		// Calls run on a fixed set of goroutines, one per core, rather
		// than one started per call: a Resolve is deep, and a new
		// goroutine grew its small stack on every call, copying it (gRPC
		// starts a goroutine of its own when every worker is busy).
		grpc.NumStreamWorkers(uint32(runtime.GOMAXPROCS(0))),
	)
	exonymv1.RegisterNameServiceServer(s.grpc, s)
	healthpb.RegisterHealthServer(s.grpc, s.health)
	reflection.Register(s.grpc)
	if opts.Register != nil {
		opts.Register(s.grpc)
	}
	s.health.SetServingStatus("", healthpb.HealthCheckResponse_SERVING)
	s.health.SetServingStatus(exonymv1.NameService_ServiceDesc.ServiceName, healthpb.HealthCheckResponse_SERVING)
	return s
}

// GRPC returns the underlying grpc.Server, for tests that serve it on their
// own listener.
func (s *Server) GRPC() *grpc.Server { return s.grpc }

// Serve serves on lis until ctx is done, then reports NOT_SERVING, drains
// open calls for at most DrainTimeout, and returns.
func (s *Server) Serve(ctx context.Context, lis net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- s.grpc.Serve(lis) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.health.Shutdown()
	stopped := make(chan struct{})
	go func() { s.grpc.GracefulStop(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(s.opts.DrainTimeout): // open streams would hold us forever
		s.log.Warn("drain timed out; closing open calls", "dur", s.opts.DrainTimeout)
		s.grpc.Stop()
	}
	if err := <-errc; err != nil && !errors.Is(err, grpc.ErrServerStopped) {
		return err
	}
	return nil
}

// toStatus maps an error to a gRPC status; internal details go to the log.
func (s *Server) toStatus(ctx context.Context, err error) error {
	var bad *badRequest
	var verr *glossary.ValidationError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &bad):
		return status.Error(codes.InvalidArgument, bad.msg)
	case errors.Is(err, index.ErrNotFound):
		return status.Error(codes.NotFound, err.Error())
	case errors.As(err, &verr):
		return status.Error(codes.InvalidArgument, verr.Error())
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return status.FromContextError(err).Err()
	}
	s.log.ErrorContext(ctx, "internal error", "err", err)
	return status.Error(codes.Internal, internalMessage)
}

// logUnary logs one line per call: Debug when OK, Warn otherwise. A panic
// in the call is answered as an internal error (see recovered).
func (s *Server) logUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (resp any, err error) {
	start := time.Now()
	defer func() { s.logCall(ctx, info.FullMethod, start, err) }()
	defer s.recovered(ctx, info.FullMethod, &err)
	return handler(ctx, req)
}

// logStream is logUnary for streams.
func (s *Server) logStream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) (err error) {
	start := time.Now()
	defer func() { s.logCall(ss.Context(), info.FullMethod, start, err) }()
	defer s.recovered(ss.Context(), info.FullMethod, &err)
	return handler(srv, ss)
}

// recovered, deferred, turns a panic into an internal error in *err and
// logs it with its stack, so that one query that meets a bug fails alone
// instead of taking the server and every other call down with it.
// It must itself be the deferred call: recover works only there.
func (s *Server) recovered(ctx context.Context, method string, err *error) {
	if r := recover(); r != nil {
		s.logPanic(ctx, method, r)
		*err = status.Error(codes.Internal, internalMessage)
	}
}

// logPanic logs a recovered panic with the stack that raised it.
func (s *Server) logPanic(ctx context.Context, method string, r any) {
	s.log.ErrorContext(ctx, "panic", "rpc", method, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
}

// internalMessage is what a client is told of an internal error; the
// details go to the server's log.
const internalMessage = "internal error; the server log has details"

func (s *Server) logCall(ctx context.Context, method string, start time.Time, err error) {
	code := status.Code(err)
	level := slog.LevelDebug
	if code != codes.OK {
		level = slog.LevelWarn
	}
	s.log.Log(ctx, level, "rpc", "rpc", method, "code", code.String(), "dur", time.Since(start))
}
