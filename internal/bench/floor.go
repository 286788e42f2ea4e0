package bench

import (
	"context"

	"google.golang.org/grpc"

	exonymv1 "github.com/exonym/exonym/proto/exonym/v1"
)

// The floor service answers without doing anything, with the same message
// types as Resolve and ResolveStream, on the server being measured: what
// gRPC itself costs on this machine and connection.
const (
	FloorUnaryMethod  = "/exonym.bench.Floor/Unary"
	FloorStreamMethod = "/exonym.bench.Floor/Stream"
)

var floorStreamDesc = grpc.StreamDesc{StreamName: "Stream", ServerStreams: true, ClientStreams: true}

// floorServer is the (empty) implementation of the floor service.
type floorServer interface{}

// RegisterFloor registers the floor service on s.
func RegisterFloor(s *grpc.Server) {
	s.RegisterService(&grpc.ServiceDesc{
		ServiceName: "exonym.bench.Floor",
		HandlerType: (*floorServer)(nil),
		Methods: []grpc.MethodDesc{{
			MethodName: "Unary",
			Handler: func(_ any, ctx context.Context, dec func(any) error, _ grpc.UnaryServerInterceptor) (any, error) {
				in := new(exonymv1.ResolveRequest)
				if err := dec(in); err != nil {
					return nil, err
				}
				return &exonymv1.ResolveResponse{Query: in.GetName()}, nil
			},
		}},
		Streams: []grpc.StreamDesc{{
			StreamName:    "Stream",
			ServerStreams: true,
			ClientStreams: true,
			Handler: func(_ any, stream grpc.ServerStream) error {
				for {
					in := new(exonymv1.ResolveStreamRequest)
					if err := stream.RecvMsg(in); err != nil {
						return nil // io.EOF or the client went away
					}
					if err := stream.SendMsg(&exonymv1.ResolveStreamResponse{Response: &exonymv1.ResolveResponse{Query: in.GetRequest().GetName()}}); err != nil {
						return err
					}
				}
			},
		}},
	}, struct{}{})
}
