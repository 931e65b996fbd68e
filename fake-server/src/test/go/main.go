// Command vectors prints test vectors for the fake server's Go-compatibility layer, one JSON object a line:
// what Go's encoding/json, time.Parse and strconv.Quote do with each input, using Faktory 1.9.4's own types.
//
// Regenerate (needs Go and the faktory v1.9.4 module in the module cache):
//
//	cd fake-server/src/test/go && GOFLAGS=-mod=mod GOPROXY=off go run . > ../resources/go-vectors.jsonl
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/contribsys/faktory/client"
	"github.com/contribsys/faktory/manager"
	"github.com/contribsys/faktory/server"
)

type vector struct {
	Kind string `json:"kind"`
	In   string `json:"in"`
	Out  string `json:"out,omitempty"`
	Err  string `json:"err,omitempty"`
}

var out = json.NewEncoder(os.Stdout)

func emit(kind, in string, result []byte, err error) {
	v := vector{Kind: kind, In: in}
	if err != nil {
		v.Err = err.Error()
	} else {
		v.Out = string(result)
	}
	_ = out.Encode(v)
}

func decode(kind, in string, target func() any) {
	t := target()
	err := json.Unmarshal([]byte(in), t)
	var result []byte
	if err == nil {
		result, _ = json.Marshal(t)
	}
	emit(kind, in, result, err)
}

var seeds = []string{
	`{"jid":"12345678","jobtype":"A","args":[1,"x",true,null,{"b":1,"a":[2.5]}],"queue":"q","retry":3}`,
	`{"jid":"abcdefgh","jobtype":"Thing","args":[],"custom":{"z":"<&>","a":1e21,"m":-0},"reserve_for":60}`,
	`{"jid":"job-0001","jobtype":"B","args":[12345678901234567890,0.1,1e-7,"\u00e9\u2028"],"at":"2030-01-01T00:00:00Z"}`,
	`{"failure":{"retry_count":1,"remaining":2,"failed_at":"x","backtrace":["a","b"]},"jid":"x","args":[]}`,
	`[{"jid":"x"},{"jobtype":"y","args":[1]}]`,
	`{"cmd":"kill","target":"retries","filter":{"jids":["a","b"],"regexp":"*x*","jobtype":"T"}}`,
}

var alphabet = []rune(`{}[]:,"\ 0123456789.eE+-tfnulrsax` + "\t\n\u00e9")

func mutate(r *rand.Rand, s string) string {
	runes := []rune(s)
	for n := 1 + r.Intn(2); n > 0; n-- {
		i := r.Intn(len(runes) + 1)
		switch r.Intn(3) {
		case 0:
			if i < len(runes) {
				runes = append(runes[:i], runes[i+1:]...)
			}
		case 1:
			runes = append(runes[:i], append([]rune{alphabet[r.Intn(len(alphabet))]}, runes[i:]...)...)
		default:
			if i < len(runes) {
				runes[i] = alphabet[r.Intn(len(alphabet))]
			}
		}
	}
	return string(runes)
}

func jsonInputs(r *rand.Rand) []string {
	inputs := []string{"", " ", "null", "{}", "[]", `"x"`, "1", "{} x", "[1,]", `{"a" 1}`, `{"a":tru}`, `{"a":1.}`,
		`{"a":-}`, `{"a":01}`, `{"a":"\x"}`, `{"a":"\u12g4"}`, "{\"a\":\"\n\"}", `{,}`, `{"a":1 "b"}`, `[1 2]`,
		`{"a":1e}`, "{\"a\":1}\x00", "{\"a\":1}\u00e9", `{"a":"\ud800x\ud83d\ude00\udc00"}`, `[1e400]`, `[-1e-400]`,
		`{"a":1,"a":2}`, `{"JID":"x","Args":[1]}`, `{"args":"x"}`, `{"jid":1}`, `{"retry":"x"}`, `{"retry":1.5}`,
		`{"reserve_for":99999999999999999999}`, `{"custom":[1]}`, `{"custom":{"a":1e400}}`, `{"failure":"x"}`,
		`{"failure":{"failed_at":1}}`, `{"failure":{"backtrace":[1]}}`, `{"custom":{"a":1},"custom":{"b":2}}`,
		`{"failure":{"retry_count":1},"failure":{"message":"m"}}`, `{"args":[1],"args":null}`, `{"retry":null}`,
		`{"jid":null,"retry":-1}`, `[{"jid":1}]`, `[1]`, `{"filter":{"jids":[1]}}`, `{"target":1}`, `{"filter":null}`,
		`{"JOBTYPE":"x","\u212Aey":1}`, "[" + strings.Repeat("[", 10001) + "]",
		// cut inside a token: Go's scanner feeds itself a space at the end
		"-", "[-", "[fal", "tru", `{"a":nul`, `["\u0`, `"\u12a`, `["\`, "[1.", "1e", "[1e+", "-0.5E-", `["abc`,
		"[1", `{"a"`, `{"a":1.5`, "[-0"}
	for _, seed := range seeds {
		inputs = append(inputs, seed)
		for i := 0; i < 60; i++ {
			inputs = append(inputs, mutate(r, seed))
		}
	}
	return inputs
}

// HELLO's numbers: v is a uint8 (Go's ParseUint takes no sign, not even -0), pid an int, rss_kb an int64
var helloInputs = []string{`{"v":-0}`, `{"v":0}`, `{"v":2}`, `{"v":2.0}`, `{"v":2e0}`, `{"v":2E+0}`, `{"v":255}`,
	`{"v":256}`, `{"v":-1}`, `{"v":1e400}`, `{"v":99999999999999999999}`, `{"v":"2"}`, `{"v":null}`, `{"v":true}`,
	`{"v":-0.0}`, `{"v":02}`, `{"V":-0}`, `{"v":2,"v":-0}`, `{"v":-0,"v":2}`, `{"pid":-0}`, `{"pid":1e2}`,
	`{"pid":-9223372036854775808}`, `{"pid":9223372036854775808}`, `{"pid":-9223372036854775809}`,
	`{"rss_kb":-0}`, `{"rss_kb":1.5}`, `{"labels":["a",-0]}`, `{"hostname":-0}`}

func timeInputs(r *rand.Rand) []string {
	inputs := []string{"", "xx", "2006", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00.123456789Z",
		"2020-01-01T00:00:00.1234567891234Z", "2020-01-01T00:00:00,5Z", "2020-01-01T1:00:00Z", "2020-01-01T24:00:00Z",
		"2020-02-30T00:00:00Z", "2020-13-01T00:00:00Z", "2020-01-01T00:60:00Z", "2020-01-01T00:00:60Z",
		"2020-01-01 00:00:00Z", "2020-01-01T00:00:00", "2020-01-01T00:00:00+0100", "2020-01-01T00:00:00+01:00",
		"2020-01-01T00:00:00-25:00", "2020-01-01T00:00:00+01:61", "2020-01-01T00:00:00+25:xx", "2020-01-01T00:00:00Zx",
		"2020-01-01T00:00:00.Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2020-1-01T00:00:00Z",
		"2020-01-1T00:00:00Z", "20x0-01-01T00:00:00Z", "2020-01-01T00:00:00*01:00", "2020-01-01T00:00:00\u00e9",
		"2024-02-29T12:00:00+24:00", "2023-02-29T12:00:00Z", `2020-01-01T00:00:00"Z`}
	seed := "2021-03-04T05:06:07.089+01:30"
	for i := 0; i < 150; i++ {
		inputs = append(inputs, mutate(r, seed))
	}
	return inputs
}

func main() {
	r := rand.New(rand.NewSource(42))
	for _, in := range jsonInputs(r) {
		decode("any", in, func() any { var v any; return &v })
		decode("job", in, func() any { return &client.Job{} })
		decode("jobs", in, func() any { return &[]client.Job{} })
		decode("operation", in, func() any { return &client.Operation{} })
		decode("fail", in, func() any { return &manager.FailPayload{} })
	}
	for _, in := range helloInputs {
		decode("hello", in, func() any { return &server.ClientData{} })
	}
	for _, in := range timeInputs(r) {
		t, err := time.Parse(time.RFC3339Nano, in)
		emit("time", in, []byte(t.UTC().Format(time.RFC3339Nano)), err)
	}
	floats := []float64{0.000001, 0.0000001, 1e20, 1e21, 123456789.125, 5e-324, math.MaxFloat64, 100, 1e-7, 0.1,
		1.0 / 3, 2.5e-8, 123e18, 9007199254740993, 1e15, 1e16, -2.75}
	for i := 0; i < 800; i++ {
		f := math.Float64frombits(r.Uint64())
		if !math.IsNaN(f) && !math.IsInf(f, 0) {
			floats = append(floats, f)
		}
		floats = append(floats, float64(r.Int63n(1<<62))/math.Pow(10, float64(r.Intn(30))))
	}
	for _, f := range floats {
		b, _ := json.Marshal(f)
		emit("float", strconv.FormatUint(math.Float64bits(f), 10), b, nil)
	}
	for _, s := range []string{"abc", `a"b\c`, "a\nb\t\x01\x7f", "\u00e9\u00a0\u00ad\u2028\U0001F600\uFFFD", "<&>", "\u0300x"} {
		emit("quote", s, []byte(strconv.Quote(s)), nil)
	}
	fmt.Fprintln(os.Stderr, "done")
}
