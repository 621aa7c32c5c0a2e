import Contract
import Engines
import Scenario
import Simulation

/// One engine run against the simulated API, and the checks the harness's verifier makes.
struct EngineTrial {
    var engine: any IssueEngine.Type
    var overrides: [String: Double] = [:]
    var scenario: Scenario
    var issues: Int

    struct Outcome {
        var delivered: [IssueResult]
        var counters: APICounters
        var ledger: APILedger
        var compression: (raw: Int, compressed: Int)
        var failure: (any Error)?
        var endedAt: Moment
    }

    /// A small workload with every per-issue call: 300 issues in pages of 50, no latency.
    static func scenario(_ name: String, issues: Int = 300, configure: (inout APISpec) -> Void = { _ in }) -> Scenario {
        var spec = IssueSpec(counts: [issues])
        spec.pageSize = 50
        spec.bodyBytes = .fixed(300)
        spec.commentsPerIssue = .uniform(min: 0, max: 3)
        spec.commentBytes = .fixed(100)
        var api = APISpec()
        configure(&api)
        var work = WorkSpec()
        work.reads = [.issue, .comments]
        work.writes = [.label, .comment]
        return Scenario(name: name, seed: 7, issues: spec, api: api, work: work)
    }

    var workPlan: WorkPlan {
        let work = scenario.work
        return WorkPlan(readIssue: work.reads.contains(.issue), readComments: work.reads.contains(.comments),
                        writeLabel: work.writes.contains(.label), writeComment: work.writes.contains(.comment),
                        analysisCPU: .microseconds(work.analysisMicros))
    }

    /// Runs on `clock`, which must be driving the calling task (wall, or inside `VirtualClock.run`).
    func run(on clock: any HarnessClock) async throws -> Outcome {
        let api = SimulatedGitHub(scenario: scenario, issueCount: issues, clock: clock)
        let sink = RecordingSink()
        let tuning = try Tuning(engine: engine.name, parameters: engine.parameters, overrides: overrides)
        let instance = engine.init(tuning: tuning)
        var failure: (any Error)?
        do {
            try await instance.run(Job(api: api, clock: clock, sink: sink, work: workPlan))
        } catch {
            failure = error
        }
        return Outcome(delivered: sink.delivered, counters: api.counters(), ledger: api.ledger(),
                       compression: sink.compressed, failure: failure, endedAt: clock.now())
    }

    func runOnWallClock() async throws -> Outcome {
        try await run(on: WallClock())
    }

    func runOnVirtualClock() throws -> Outcome {
        let clock = VirtualClock()
        let trial = self
        return try clock.run(hostTimeout: 60) { try await trial.run(on: clock) }.get()
    }

    /// What the harness's verifier would object to; empty when the run was right.
    func problems(in outcome: Outcome) -> [String] {
        var problems: [String] = []
        if let failure = outcome.failure { problems.append("\(engine.name) threw: \(failure)") }
        let plan = workPlan
        let corpus = Corpus(seed: scenario.seed, issues: scenario.issues)
        var seen = [Int](repeating: 0, count: issues + 1)
        for result in outcome.delivered {
            guard (1...issues).contains(result.id) else {
                problems.append("delivered unknown issue \(result.id)")
                continue
            }
            seen[result.id] += 1
            let expected = Analysis.analyze(corpus.issue(result.id),
                                            comments: plan.readComments ? corpus.comments(result.id) : [])
            if result != expected { problems.append("issue \(result.id): result \(result), expected \(expected)") }
        }
        for id in 1...issues {
            if seen[id] != 1 { problems.append("issue \(id) delivered \(seen[id]) times") }
            let entry = outcome.ledger[id]
            if plan.readIssue && !entry.issueRead { problems.append("issue \(id) was never read") }
            if plan.readComments && !entry.commentsRead { problems.append("issue \(id)'s comments were never read") }
            if entry.labelsApplied != (plan.writeLabel ? 1 : 0) {
                problems.append("issue \(id) labelled \(entry.labelsApplied) times")
            }
            if entry.commentsPosted != (plan.writeComment ? 1 : 0) {
                problems.append("issue \(id) commented \(entry.commentsPosted) times")
            }
        }
        if outcome.counters.duplicateWrites != 0 { problems.append("\(outcome.counters.duplicateWrites) duplicate writes") }
        return problems
    }
}
