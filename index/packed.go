package index

import "encoding/binary"

// packedStrings is a list of strings read in place from its encoding (see
// appendPackedStrings): n little-endian uint32s, the end of each string,
// then the strings' bytes one after the other. The tables kept beside the
// index (prefixes.go, typos.go) hold their entity ids and words so.
type packedStrings struct {
	ends []byte
	blob []byte
	n    int
}

// appendPackedStrings appends the encoding of ss to b.
func appendPackedStrings(b []byte, ss []string) []byte {
	end := 0
	for _, s := range ss {
		end += len(s)
		b = binary.LittleEndian.AppendUint32(b, uint32(end))
	}
	for _, s := range ss {
		b = append(b, s...)
	}
	return b
}

// cutPackedStrings reads n packed strings from the start of b and returns
// them and the rest of b; false if b is too short for them.
func cutPackedStrings(b []byte, n int) (packedStrings, []byte, bool) {
	if n < 0 || uint64(len(b)) < 4*uint64(n) {
		return packedStrings{}, nil, false
	}
	p := packedStrings{ends: b[:4*n], n: n}
	b = b[4*n:]
	size := 0
	if n > 0 {
		size = int(binary.LittleEndian.Uint32(p.ends[4*(n-1):]))
	}
	if size > len(b) {
		return packedStrings{}, nil, false
	}
	p.blob = b[:size]
	return p, b[size:], true
}

// at returns the i-th string, or "" if there is none or its ends are
// out of order.
func (p packedStrings) at(i uint32) string {
	if int(i) >= p.n {
		return ""
	}
	start := uint32(0)
	if i > 0 {
		start = binary.LittleEndian.Uint32(p.ends[4*(i-1):])
	}
	end := binary.LittleEndian.Uint32(p.ends[4*i:])
	if start > end || int(end) > len(p.blob) {
		return ""
	}
	return string(p.blob[start:end])
}
