// Command x509 prints test vectors for the fake server's reading of TLS key pairs, one JSON object a line: the test
// certificates with one to three bytes changed at random, then the test keys with one or two, and what Go's
// tls.X509KeyPair says of each pair (the error's text, or nothing when it reads the pair): X509VectorsTest replays
// them.
//
// Regenerate (needs Go only):
//
//	cd fake-server/src/test/go && GOFLAGS=-mod=mod GOPROXY=off go run ./x509 > ../resources/x509-vectors.jsonl
package main

import (
	"crypto/tls"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

const keys = "../resources/io/github/faktorytestkit/fake/transport/keys"

// special bytes: tags and values a change is likely to make meaningful
var special = []byte{0x00, 0x80, 0xff, 0x30, 0x31, 0x05, 0x06, 0x17, 0x18}

type vector struct {
	Certificate string `json:"certificate"`
	Key         string `json:"key"`
	Changes     string `json:"changes,omitempty"`
	KeyChanges  string `json:"keyChanges,omitempty"`
	Err         string `json:"err"`
}

func read(name string) []byte {
	b, err := os.ReadFile(filepath.Join(keys, name))
	if err != nil {
		panic(err)
	}
	return b
}

// change changes one byte of der at random, and says how: offset=value in hex.
func change(r *rand.Rand, der []byte) string {
	at := r.Intn(len(der))
	switch r.Intn(4) {
	case 0:
		der[at] = byte(r.Intn(256))
	case 1:
		der[at] ^= 1 << r.Intn(8)
	case 2:
		der[at] += byte(1 - 2*r.Intn(2))
	default:
		der[at] = special[r.Intn(len(special))]
	}
	return fmt.Sprintf("%d=%02x", at, der[at])
}

// changed is pem's certificate or private key block (alone) with one to maxChanges bytes changed, and how.
func changed(r *rand.Rand, pemBytes []byte, maxChanges int) ([]byte, string) {
	block, rest := pem.Decode(pemBytes)
	for block.Type != "CERTIFICATE" && !strings.HasSuffix(block.Type, "PRIVATE KEY") {
		block, rest = pem.Decode(rest)
	}
	der := append([]byte(nil), block.Bytes...)
	var changes []string
	for n := 1 + r.Intn(maxChanges); n > 0; n-- {
		changes = append(changes, change(r, der))
	}
	return pem.EncodeToMemory(&pem.Block{Type: block.Type, Bytes: der}), strings.Join(changes, ",")
}

func emit(out *json.Encoder, v vector, certificate, key []byte) {
	if _, err := tls.X509KeyPair(certificate, key); err != nil {
		v.Err = err.Error()
	}
	_ = out.Encode(v)
}

func main() {
	r := rand.New(rand.NewSource(509))
	out := json.NewEncoder(os.Stdout)
	pairs := [][2]string{{"ec.cert.pem", "ec-sec1.key.pem"}, {"rsa.cert.pem", "rsa-pkcs1.key.pem"},
		{"ed25519.cert.pem", "ed25519-pkcs8.key.pem"}}
	for _, pair := range pairs {
		for i := 0; i < 400; i++ {
			certificate, changes := changed(r, read(pair[0]), 3)
			emit(out, vector{Certificate: pair[0], Key: pair[1], Changes: changes}, certificate, read(pair[1]))
		}
	}
	keys := [][2]string{{"ec.cert.pem", "ec-sec1.key.pem"}, {"ec.cert.pem", "ec-pkcs8.key.pem"},
		{"rsa.cert.pem", "rsa-pkcs1.key.pem"}, {"rsa.cert.pem", "rsa-pkcs8.key.pem"},
		{"ed25519.cert.pem", "ed25519-pkcs8.key.pem"}, {"rsa3.cert.pem", "rsa3-pkcs1.key.pem"}}
	for _, pair := range keys {
		for i := 0; i < 300; i++ {
			key, changes := changed(r, read(pair[1]), 2)
			emit(out, vector{Certificate: pair[0], Key: pair[1], KeyChanges: changes}, read(pair[0]), key)
		}
	}
}
