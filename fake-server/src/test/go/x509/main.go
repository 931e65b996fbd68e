// Command x509 prints test vectors for the fake server's reading of TLS key pairs, one JSON object a line: the test
// certificates with one to three bytes changed at random, and what Go's tls.X509KeyPair says of each with its key
// (the error's text, or nothing when it reads the pair): X509VectorsTest replays them.
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
	Changes     string `json:"changes"`
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

func main() {
	r := rand.New(rand.NewSource(509))
	out := json.NewEncoder(os.Stdout)
	pairs := [][2]string{{"ec.cert.pem", "ec-sec1.key.pem"}, {"rsa.cert.pem", "rsa-pkcs1.key.pem"},
		{"ed25519.cert.pem", "ed25519-pkcs8.key.pem"}}
	for _, pair := range pairs {
		block, _ := pem.Decode(read(pair[0]))
		key := read(pair[1])
		for i := 0; i < 400; i++ {
			der := append([]byte(nil), block.Bytes...)
			var changes []string
			for n := 1 + r.Intn(3); n > 0; n-- {
				changes = append(changes, change(r, der))
			}
			certificate := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
			v := vector{Certificate: pair[0], Key: pair[1], Changes: strings.Join(changes, ",")}
			if _, err := tls.X509KeyPair(certificate, key); err != nil {
				v.Err = err.Error()
			}
			_ = out.Encode(v)
		}
	}
}
