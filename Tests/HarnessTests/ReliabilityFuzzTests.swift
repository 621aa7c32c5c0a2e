import Contract
import Foundation
@testable import Harness
@testable import Scenario
import Testing

/// Damaged and hostile scenarios, made from the shipped ones ten thousand times over: each must
/// give a valid run plan or a clear error, and nothing may trap — not the decoder, not planning,
/// not the bound or the memory estimate, and not a trial of the plans that came out valid.
struct ReliabilityFuzzTests {
    static let shipped: [(name: String, bytes: [UInt8])] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { name in
            (try? Data(contentsOf: folder.appendingPathComponent(name))).map { (folder.appendingPathComponent(name).path, Array($0)) }
        }
    }()

    /// Every JSON path of a document (`api.outages[0].atSeconds`), plus paths that are not in any
    /// shipped file but lead to fields with caps or traps to guard.
    static func paths(of bytes: [UInt8]) -> [String] {
        var paths: [String] = []
        func walk(_ value: Any, _ path: String) {
            if !path.isEmpty { paths.append(path) }
            if let object = value as? [String: Any] {
                for (key, child) in object.sorted(by: { $0.key < $1.key }) { walk(child, path.isEmpty ? key : "\(path).\(key)") }
            } else if let array = value as? [Any] {
                for (i, child) in array.enumerated() { walk(child, "\(path)[\(i)]") }
            }
        }
        if let root = try? JSONSerialization.jsonObject(with: Data(bytes)) { walk(root, "") }
        return paths + ["runs.timeoutSeconds", "runs.maxRSSMiB", "runs.clock", "work.analysisMicros", "api.rateLimit",
                        "api.rateLimit.limit", "api.rateLimit.remaining", "api.secondary", "api.secondary.writePoints",
                        "api.secondary.pointsPerMinute", "api.batch", "api.errors", "issues.commentsPerIssue",
                        "issues.commentBytes", "api.latencyMs", "engines", "engines.phase3", "engines.phase3.bufferBytes",
                        "engines.phase1.concurrency", "name", "seed", "schemaVersion", "thresholds", "claims", "unknownKey"]
    }

    /// Values that break things: every JSON type, numbers at and past every limit, nesting past
    /// the parser's depth, unicode that is not what it seems.
    static let values: [String] = [
        "null", "true", "false", #""""#, #""text""#, "[]", "{}", "[1,2]", #"{"fixed": 1}"#, #"{"lognormal": {"median": 1, "p99": 1e300}}"#,
        #"{"lognormal": {"median": 1e-300, "p99": 1e300}}"#, #"{"normal": {"mean": 1, "stddev": 1e307}}"#,
        #"{"exponential": {"mean": 1e307}}"#, #"{"uniform": {"min": 0, "max": 1e12}}"#,
        "0", "-0", "-1", "1", "2", "0.5", "3", "16", "100", "1000", "1e3", "10000000", "10000001", "-1e300", "1e300",
        "1e308", "1.7976931348623157e308", "1e309", "1e-320", "4.9e-324", "9223372036854775807", "9223372036854775808",
        "18446744073709551615", "18446744073709551616", "-9223372036854775808", "1e9", "1000000001", "1e12", "1e15", "1e16",
        "123456789012345678901234567890", "0.1e1", "1E2", "-1e-7",
        #""ünïcødé""#, #""\ud800""#, #""\u0000""#, #""\udc00\ud800""#, #""🚀🔥""#, #""phase1\u0301""#, #""ph\u0430se1""#,
        #""../../etc/passwd""#, #""a/b""#, #"".hidden""#, #""‮evil""#, #""virtual""#, #""wall""#, #""phase3""#,
        #"{"phase3": {"maxConnections": 1e9}}"#, #"{"faulty": {}}"#, #"{"phase1": {"concurrency": -1}}"#,
        #"["phase3.throughput >= 1e400"]"#, #"[{"engine": "phase3", "metric": "speedup", "value": 1e308, "source": ""}]"#,
        #"[1, 2, 3, 10000000, 10000000, 1]"#, #"{"rate": 1}"#, #"{"limit": 1, "windowSeconds": 1e9}"#,
    ]

    static func nested(_ depth: Int, object: Bool) -> String {
        object ? String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
            : String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    static let interesting = Array(#"{}[],:"\-+.0123456789eE tfnu"#.utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xED, 0xF4, 0xFF]

    struct Tally {
        var plans = 0
        var errors = 0
        var trials = 0
    }

    /// One mutation of a shipped scenario: a damaged file, or patches (by JSON path) to the intact one.
    enum Mutation {
        case file([UInt8])
        case patches([WorkloadPatch])
    }

    static func mutate(_ bytes: [UInt8], using rng: inout SplitMix64) -> Mutation {
        var bytes = bytes
        switch Int.random(in: 0..<10, using: &rng) {
        case 0, 1:  // flip bits
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[at] ^= UInt8(1) << UInt8.random(in: 0...7, using: &rng)
            }
            return .file(bytes)
        case 2:  // truncate
            return .file(Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng))))
        case 3:  // splice in a token
            let at = Int.random(in: 0...bytes.count, using: &rng)
            bytes.insert(contentsOf: (0..<Int.random(in: 1...3, using: &rng)).map { _ in interesting.randomElement(using: &rng)! }, at: at)
            return .file(bytes)
        case 4:  // nest a member's value deep, in the file itself: `"k": [[[…]]], "x": value`
            let colons = bytes.indices.filter { bytes[$0] == UInt8(ascii: ":") }
            guard let at = colons.randomElement(using: &rng) else { return .file(bytes) }
            let depth = Int.random(in: 2...2000, using: &rng)
            bytes.insert(contentsOf: Array((" " + nested(depth, object: Bool.random(using: &rng)) + #", "x":"#).utf8), at: at + 1)
            return .file(bytes)
        default:  // patch values by path, structure-aware
            let paths = Self.paths(of: bytes)
            return .patches((0..<Int.random(in: 1...3, using: &rng)).map { _ in
                let value = switch Int.random(in: 0..<20, using: &rng) {
                case 0: nested(Int.random(in: 2...700, using: &rng), object: Bool.random(using: &rng))
                default: values.randomElement(using: &rng)!
                }
                return WorkloadPatch(path: paths.randomElement(using: &rng)!, value: value)
            })
        }
    }

    @Test func tenThousandMutationsGiveAPlanOrAClearError() async throws {
        // In memory where there is a tmpfs: four thousand writes to a busy disk take longer than the rest.
        let memory = URL(fileURLWithPath: "/dev/shm")
        let base = FileManager.default.fileExists(atPath: memory.path) ? memory : FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("issuebench-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let damaged = folder.appendingPathComponent("damaged.json").path
        var rng = SplitMix64(seed: 20_261_129)
        var tally = Tally()
        let shipped = Self.shipped
        try #require(shipped.count >= 5)
        for round in 0..<10_000 {
            let (file, original) = shipped[round % shipped.count]
            var options: RunOptions
            switch Self.mutate(original, using: &rng) {
            case .file(let bytes):
                try Data(bytes).write(to: URL(fileURLWithPath: damaged))
                options = RunOptions(scenarioPaths: [damaged])
            case .patches(let patches):
                options = RunOptions(scenarioPaths: [file])
                options.patches = patches
            }
            try await Self.check(options, round: round, tally: &tally)
        }
        // Most mutations break the file, some do not: both paths were exercised.
        #expect(tally.plans > 500 && tally.errors > 5000, "\(tally)")
        #expect(tally.trials > 20, "\(tally)")
    }

    /// Ten-megabyte strings, a few times: as a description, a name, an engine, a tunable's name.
    @Test func tenMegabyteStringsGiveAPlanOrAClearError() async throws {
        let start = Date()
        let huge = String(repeating: "ä", count: 5 << 20)
        var tally = Tally()
        let file = Self.shipped[0].name
        for (path, value) in [("description", #""\#(huge)""#), ("name", #""\#(huge)""#),
                              ("engines", #"{"\#(huge)": {}}"#), ("engines.phase1", #"{"\#(huge)": 1}"#)] {
            var options = RunOptions(scenarioPaths: [file])
            options.patches = [WorkloadPatch(path: path, value: value)]
            try await Self.check(options, round: 0, tally: &tally)
        }
        #expect(tally.plans == 1 && tally.errors == 3, "\(tally)")
        #expect(Date().timeIntervalSince(start) < 30)
    }

    /// Every duration, count and size at its cap, on a trial small enough to run here: nothing on
    /// the way from the file to the record may trap (each engine may give up on this API).
    @Test(arguments: ["phase1", "phase2", "phase3"])
    func valuesAtTheirCapsRunATrialWithoutTrapping(engine: String) async throws {
        let text = """
        {"name": "caps", "seed": 1,
         "issues": {"counts": [3], "pageSize": 2, "bodyBytes": {"fixed": 1000}, "commentsPerIssue": {"fixed": 2},
                    "commentBytes": {"fixed": 10}},
         "api": {"latencyMs": {"fixed": 1e10}, "connectMs": {"exponential": {"mean": 2.5e8}}, "endpoints": ["primary", "backup"],
                 "rateLimit": {"limit": 1000000000000, "windowSeconds": 1e7, "remaining": 1, "resetSeconds": 1e7},
                 "secondary": {"maxConcurrent": 1000000000000, "pointsPerMinute": 1000000000000, "readPoints": 1000000,
                               "writePoints": 1000000, "retryAfterSeconds": 1e7},
                 "errors": {"rate": 0.5}, "outages": [{"endpoint": "primary", "atSeconds": 1e7, "forSeconds": 1e7}],
                 "batch": {"maxItems": 1000, "latencyPerItemMs": 1e10}},
         "work": {"reads": ["issue", "comments"], "writes": ["label", "comment"], "analysisMicros": 1e13},
         "runs": {"warmup": 0, "repetitions": 1, "clock": "virtual", "timeoutSeconds": 1e7}}
        """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("issuebench-caps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("caps.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let plan = try RunPlan(RunOptions(scenarioPaths: [path], engines: [engine]), availableMemoryBytes: nil, cores: 2)
        let row = plan.rows[0]
        #expect(Bound(scenario: row.scenario, issues: row.issues, cores: 2).issuesPerSecond != nil)
        let record = try await TrialExecution(spec: plan.trials[0].spec).run()
        #expect(record.verified || record.failure?.hasPrefix("engine failed: gave up on ") == true, "\(record.failure ?? "")")
    }

    /// Plans the options; a plan must hold together, an error must say something in one line. Every
    /// tenth valid plan also runs a small trial in this process, on the virtual clock.
    static func check(_ options: RunOptions, round: Int, tally: inout Tally) async throws {
        let plan: RunPlan
        do {
            plan = try RunPlan(options, availableMemoryBytes: 16 << 30, cores: 2)
        } catch {
            tally.errors += 1
            let message = error.description
            #expect(!message.isEmpty && !message.contains("\n"), "round \(round): \(message.prefix(300))")
            // Short, whatever the input. (A value patched in by path is echoed whole: that is the
            // sweep's --vary, where the user typed it, not the scenario.)
            if case .usage(command: "sweep", _) = error {} else {
                #expect(message.utf8.count < 2000, "round \(round): a message of \(message.utf8.count) bytes: \(message.prefix(300))")
            }
            return
        }
        tally.plans += 1
        #expect(!plan.rows.isEmpty)
        for row in plan.rows {
            let runs = row.scenario.runs
            #expect((1...10_000_000).contains(row.issues))
            #expect(runs.timeoutSeconds > 0 && runs.timeoutSeconds <= 1e9)
            #expect(TrialLauncher.backstopSeconds(plan.trials[0].spec).isFinite)
            let engine = try #require(EngineCatalog.named(row.engine))
            for p in engine.parameters { #expect(p.range.contains(row.tuning.double(p.name))) }
            if let bound = Bound(scenario: row.scenario, issues: row.issues, cores: 2).issuesPerSecond {
                #expect(bound >= 0, "round \(round)")
            }
            #expect(MemoryEstimate(row, cores: 2).residentBytes <= Double(16 << 30))
        }
        #expect(plan.trials.count == plan.rows.reduce(0) { $0 + $1.scenario.runs.warmup + $1.scenario.runs.repetitions })
        _ = try JSONEncoder().encode(plan.trials[0].spec)
        if tally.plans % 10 == 0 { try await runSmallTrial(plan.rows[tally.plans / 10 % plan.rows.count], tally: &tally) }
    }

    /// Five issues of `row` on the virtual clock, when its texts are small enough for a test's
    /// memory: whatever the engine makes of the workload, the trial ends with a record.
    static func runSmallTrial(_ row: RunPlan.Row, tally: inout Tally) async throws {
        let issues = row.scenario.issues
        guard issues.bodyBytes.largestSample < 1e7, issues.commentBytes.largestSample < 1e7,
              issues.commentsPerIssue.largestSample < 100 else { return }
        let spec = TrialSpec(scenarioFile: row.file, engine: row.engine, overrides: row.tuning.values, issues: min(row.issues, 5),
                             repetition: 0, isWarmup: false, clock: .virtual, timeoutSeconds: 3, maxRSSMiB: nil, patches: row.patches)
        let record = try await TrialExecution(spec: spec).run()
        #expect(record.verified || record.failure != nil)
        tally.trials += 1
    }
}
