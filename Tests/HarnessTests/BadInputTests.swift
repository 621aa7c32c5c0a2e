import Testing

/// Every kind of bad input: exit 2, one clear message naming the file, the JSON path, what was
/// expected and what was found — and nothing written.
@Suite(.serialized)
struct BadInputTests {
    static let valid = """
    {"name": "ok", "issues": {"counts": [10]}, "runs": {"warmup": 0, "repetitions": 1, "clock": "virtual"}}
    """

    /// Runs `issuebench` with `arguments` (`$S` stands for the scenario file written from `text`)
    /// and returns stderr, after checking exit 2 and that the output folder stayed empty.
    private func rejected(_ text: String?, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let cli = try CLIHarness()
        defer { cli.remove() }
        if let text { try cli.file("s.json", text) }
        let out = try cli.run(arguments.map { $0 == "$S" ? "s.json" : $0 } + ["--out", "out"])
        #expect(out.status == 2, "stdout: \(out.stdout) stderr: \(out.stderr)", sourceLocation: sourceLocation)
        #expect(cli.contents(of: "out").isEmpty, "nothing may be written", sourceLocation: sourceLocation)
        #expect(out.stdout.isEmpty, sourceLocation: sourceLocation)
        return out.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func missingFile() throws {
        #expect(try rejected(nil, ["run", "nope.json"]) == "error: nope.json: cannot read: No such file or directory")
    }

    @Test func notJSONSaysLineAndColumn() throws {
        #expect(try rejected("{\n  \"name\": \"x\"\n  \"seed\": 1\n}", ["run", "$S"])
            == "error: s.json: line 3, column 3: expected ',' or '}' after an object member, found '\"'")
    }

    @Test func unknownKeySuggestsTheNearest() throws {
        let stderr = try rejected(#"{"name": "x", "issues": {"counts": [1]}, "api": {"latncyMs": {"fixed": 1}}}"#, ["run", "$S"])
        #expect(stderr.hasPrefix("error: s.json: api.latncyMs: unknown key"))
        #expect(stderr.hasSuffix("(did you mean 'latencyMs'?)"))
    }

    @Test func wrongType() throws {
        #expect(try rejected(#"{"name": "x", "seed": "one", "issues": {"counts": [1]}}"#, ["run", "$S"])
            == #"error: s.json: seed: expected an integer in 0...18446744073709551615, found a string "one""#)
    }

    @Test func negativeLatency() throws {
        let stderr = try rejected(#"{"name": "x", "issues": {"counts": [1]}, "api": {"latencyMs": {"fixed": -5}}}"#, ["run", "$S"])
        #expect(stderr.hasPrefix("error: s.json: api.latencyMs.fixed: expected"))
        #expect(stderr.hasSuffix("found -5"))
    }

    @Test func probabilityAboveOne() throws {
        let stderr = try rejected(#"{"name": "x", "issues": {"counts": [1]}, "api": {"errors": {"rate": 1.5}}}"#, ["run", "$S"])
        #expect(stderr.hasPrefix("error: s.json: api.errors.rate: expected"))
        #expect(stderr.hasSuffix("found 1.5"))
    }

    @Test func emptyCounts() throws {
        let stderr = try rejected(#"{"name": "x", "issues": {"counts": []}}"#, ["run", "$S"])
        #expect(stderr.hasPrefix("error: s.json: issues.counts: expected"))
    }

    @Test(arguments: ["0", "10000001"])
    func countOutOfRange(count: String) throws {
        let stderr = try rejected(#"{"name": "x", "issues": {"counts": [10, \#(count)]}}"#, ["run", "$S"])
        #expect(stderr.hasPrefix("error: s.json: issues.counts[1]: expected"))
        #expect(stderr.hasSuffix("found \(count)"))
    }

    @Test func unknownEngineOnTheCommandLine() throws {
        #expect(try rejected(Self.valid, ["run", "$S", "--engines", "phase1,phase4"])
            == "error: --engines: unknown engine 'phase4' (did you mean 'phase1'?); expected one of phase1, phase2, phase3")
    }

    @Test func unknownEngineInTheScenario() throws {
        let text = #"{"name": "x", "issues": {"counts": [1]}, "engines": {"phase9": {}}}"#
        #expect(try rejected(text, ["run", "$S"])
            == "error: s.json: engines: unknown engine 'phase9' (did you mean 'phase1'?); expected one of phase1, phase2, phase3")
    }

    @Test func unknownTunable() throws {
        let stderr = try rejected(Self.valid, ["run", "$S", "--set", "phase3.maxConnection=8"])
        #expect(stderr.hasPrefix("error: s.json: engines.phase3: phase3 has no tunable 'maxConnection' (did you mean 'maxConnections'?)"))
    }

    @Test func nonNumericValue() throws {
        #expect(try rejected(Self.valid, ["run", "$S", "--set", "phase3.maxConnections=lots"])
            == "error: issuebench run: --set phase3.maxConnections: expected a number, found 'lots'")
    }

    @Test func tunableOutOfRange() throws {
        #expect(try rejected(Self.valid, ["run", "$S", "--set", "phase3.maxConnections=0"])
            == "error: s.json: engines.phase3: phase3.maxConnections: expected a number in 1...1024, found 0")
    }

    @Test func unknownClock() throws {
        #expect(try rejected(Self.valid, ["run", "$S", "--clock", "sundial"])
            == "error: issuebench run: --clock: expected one of wall, virtual, found 'sundial'")
    }

    @Test func unwritableOut() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.file("s.json", Self.valid)
        try cli.file("afile", "")
        let out = try cli.run(["run", "s.json", "--out", "afile/sub"])
        #expect(out.status == 2)
        #expect(out.stderr.hasPrefix("error: afile/sub: cannot create the output folder"))
    }

    @Test func validateAcceptsTheShippedScenariosAndRejectsABadOne() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.file("good.json", Self.valid)
        try cli.file("bad.json", #"{"name": "Bad Name", "issues": {"counts": [1]}}"#)
        #expect(try cli.run(["validate", "good.json"]).status == 0)
        let bad = try cli.run(["validate", "good.json", "bad.json"])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("error: bad.json: name: expected"))
    }
}
