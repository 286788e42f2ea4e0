package index

import "testing"

func TestLedBySides(t *testing.T) {
	for _, tt := range []struct {
		text         string
		head, leader uint64
	}{
		{"State of Law Coalition led by Nouri al-Maliki", 0b111, ^uint64(0b11111)}, // "of" is no romanised word
		{"ائتلاف دولت قانون به رهبری نوری مالکی", 0b111, ^uint64(0b11111)},
		{"Maliki liderliğindeki Hukuk Devleti", ^uint64(0b11), 0b1},
		{"Nouri al-Maliki", 0, 0},
	} {
		head, leader := ledBySides(prepare(tt.text))
		if head != tt.head || leader != tt.leader {
			t.Errorf("ledBySides(%q) = %b, %b; want %b, %b (tokens %q)", tt.text, head, leader, tt.head, tt.leader, prepare(tt.text).keys.Tokens)
		}
	}
}
