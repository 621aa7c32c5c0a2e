import Contract
import Engines
import Measurement
import Scenario
import Simulation

/// One trial inside its child process: sets up corpus, simulated API, clock and sink; measures the
/// engine's run only (wall, CPU, RSS); then verifies every result against the corpus.
struct TrialExecution {
    let spec: TrialSpec

    /// Runs the trial. Throws only for input the parent should have caught (a bad scenario or
    /// tunable); an engine failure or a failed verification is a record with `verified == false`.
    func run() async throws(HarnessError) -> TrialRecord {
        let scenario: Scenario
        let patches = try WorkloadPatch.decoded(spec.patches)
        do { scenario = try Scenario.load(path: spec.scenarioFile, patches: patches) } catch { throw .scenario(error) }
        guard let engineType = EngineRegistry.named(spec.engine) else {
            throw .unknownEngine(origin: "trial", name: spec.engine, known: EngineRegistry.all.map { $0.name })
        }
        let tuning: Tuning
        do { tuning = try Tuning(engine: engineType.name, parameters: engineType.parameters, overrides: spec.overrides) } catch {
            throw .tuning(origin: "trial", error)
        }
        let engine = engineType.init(tuning: tuning)
        switch spec.clock {
        case .wall:
            let clock = WallClock()
            let setup = Setup(scenario: scenario, spec: spec, clock: clock)
            return await setup.measure { try await engine.run(setup.job) }
        case .virtual:
            let clock = VirtualClock()
            let setup = Setup(scenario: scenario, spec: spec, clock: clock)
            return await setup.measure {
                let outcome = try clock.run(hostTimeout: spec.timeoutSeconds) { try await engine.run(setup.job) }
                try outcome.get()
            }
        }
    }
}

/// Everything a trial needs, built before measuring starts.
private struct Setup {
    let scenario: Scenario
    let spec: TrialSpec
    let clock: any HarnessClock
    let api: SimulatedGitHub
    let sink: VerifyingSink
    let job: Job

    init(scenario: Scenario, spec: TrialSpec, clock: any HarnessClock) {
        self.scenario = scenario
        self.spec = spec
        self.clock = clock
        api = SimulatedGitHub(scenario: scenario, issueCount: spec.issues, clock: clock)
        sink = VerifyingSink(issueCount: spec.issues, clock: clock, api: api)
        let work = scenario.work
        job = Job(api: api, clock: clock, sink: sink,
                  work: WorkPlan(readIssue: work.reads.contains(.issue), readComments: work.reads.contains(.comments),
                                 writeLabel: work.writes.contains(.label), writeComment: work.writes.contains(.comment),
                                 analysisCPU: .microseconds(work.analysisMicros)))
    }

    /// Measures `body` (the engine's run): VmHWM reset just before it, wall and CPU time around it,
    /// clock time on the trial's clock; then verifies.
    func measure(_ body: () async throws -> Void) async -> TrialRecord {
        var failure: String?
        var before = MemorySnapshot(rssBytes: 0, peakBytes: 0)
        do {
            try ProcStatus.resetPeakRSS()
            before = try MemorySnapshot.current()
        } catch {
            failure = "cannot measure memory: \(error)"
        }
        let start = clock.now()
        let stopwatch = Stopwatch()
        if failure == nil {
            do { try await body() } catch { failure = "engine failed: \(error)" }
        }
        let elapsed = stopwatch.elapsed()
        let end = clock.now()
        var peak = 0
        do { peak = try MemorySnapshot.current().peakBytes } catch { failure = failure ?? "cannot measure memory: \(error)" }

        let verdict = Verifier(scenario: scenario, issues: spec.issues).check(sink: sink, ledger: api.ledger())
        if failure == nil, let problem = verdict.problem { failure = "verification failed: \(problem)" }
        let sinkState = sink.snapshot()
        return TrialRecord(
            scenario: scenario.name, engine: spec.engine, tuning: spec.overrides, issues: spec.issues,
            repetition: spec.repetition, isWarmup: spec.isWarmup, clock: spec.clock.rawValue,
            verified: failure == nil, failure: failure,
            wallSeconds: (end - start).seconds, hostWallSeconds: elapsed.wall.seconds,
            cpuSeconds: elapsed.cpu.seconds, userSeconds: elapsed.usage.user.seconds,
            systemSeconds: elapsed.usage.system.seconds,
            rssBeforeBytes: before.rssBytes, peakRSSBytes: peak,
            latencyMs: sinkState.latency.percentilesInMilliseconds, api: api.counters(),
            delivered: sinkState.delivered, compressedRawBytes: sinkState.compressedRawBytes,
            compressedBytes: sinkState.compressedBytes)
    }
}
