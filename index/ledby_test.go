package index

import "testing"

func TestLedBySides(t *testing.T) {
	for _, tt := range []struct {
		text               string
		head, leader, near uint64
	}{
		{"State of Law Coalition led by Nouri al-Maliki", 0b111, ^uint64(0b11111), 0b110}, // "of" is no romanised word
		{"ائتلاف دولت قانون به رهبری نوری مالکی", 0b111, ^uint64(0b11111), 0b110},
		{"Maliki liderliğindeki Hukuk Devleti", ^uint64(0b11), 0b1, 0b1100},
		{"led by Nouri al-Maliki", 0, ^uint64(0b11), 0}, // nothing before the phrase
		{"Nouri al-Maliki", 0, 0, 0},
	} {
		head, leader, near := ledBySides(prepare(tt.text))
		if head != tt.head || leader != tt.leader || near != tt.near {
			t.Errorf("ledBySides(%q) = %b, %b, %b; want %b, %b, %b (tokens %q)", tt.text, head, leader, near, tt.head, tt.leader, tt.near, prepare(tt.text).keys.Tokens)
		}
	}
}
