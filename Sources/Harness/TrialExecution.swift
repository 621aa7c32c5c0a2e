import Contract
import Measurement
import Scenario
import Simulation

/// One trial inside its child process: sets up corpus, simulated API, clock and sink; measures the
/// engine's run only (wall, CPU, RSS); then verifies every result against the corpus.
struct TrialExecution {
    let spec: TrialSpec
    /// Whether the engine's run is bounded by `ProcessAlarm` (`runs.timeoutSeconds` of real time,
    /// then `SIGALRM` ends the process). Only the trial's child process sets it; tests that run a
    /// trial in their own process leave it off and rely on the virtual clock's host timeout.
    var armsAlarm = false

    /// Runs the trial. Throws only for input the parent should have caught (a bad scenario or
    /// tunable); an engine failure or a failed verification is a record with `verified == false`.
    func run() async throws(HarnessError) -> TrialRecord {
        let scenario: Scenario
        let patches = try WorkloadPatch.decoded(spec.patches)
        do { scenario = try Scenario.load(path: spec.scenarioFile, patches: patches) } catch { throw .scenario(error) }
        guard let engineType = EngineCatalog.named(spec.engine) else {
            throw .unknownEngine(origin: "trial", name: spec.engine, known: EngineCatalog.all.map { $0.name })
        }
        let tuning: Tuning
        do { tuning = try Tuning(engine: engineType.name, parameters: engineType.parameters, overrides: spec.overrides) } catch {
            throw .tuning(origin: "trial", error)
        }
        let engine = engineType.init(tuning: tuning)
        switch spec.clock {
        case .wall:
            let clock = WallClock()
            let setup = Setup(scenario: scenario, spec: spec, clock: clock, alarmSeconds: alarm(after: 0))
            return await setup.measure { try await engine.run(setup.job) }
        case .virtual:
            let clock = VirtualClock()
            // The clock's host timeout comes first and reports how far virtual time got; the alarm
            // a second later catches a job that never returns to the clock's loop.
            let setup = Setup(scenario: scenario, spec: spec, clock: clock, alarmSeconds: alarm(after: 1))
            return await setup.measure {
                let outcome: Result<Void, any Error>
                do throws(VirtualClockError) {
                    outcome = try clock.run(hostTimeout: spec.timeoutSeconds) { try await engine.run(setup.job) }
                } catch {
                    switch error {
                    case let .hostTimeout(seconds, at): throw TrialFailure.timedOut(seconds: seconds, virtualTime: at)
                    case .stalled: throw TrialFailure.hung(error.description)
                    case .resumedFromOutside, .leftSleeping: throw error
                    }
                }
                try outcome.get()
            }
        }
    }

    /// Seconds of real time the process alarm allows the engine: the timeout plus `grace`, or
    /// none when this execution does not arm it.
    private func alarm(after grace: Double) -> Double? {
        armsAlarm ? spec.timeoutSeconds + grace : nil
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

    let alarmSeconds: Double?

    init(scenario: Scenario, spec: TrialSpec, clock: any HarnessClock, alarmSeconds: Double?) {
        self.scenario = scenario
        self.spec = spec
        self.clock = clock
        self.alarmSeconds = alarmSeconds
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
        var failure: TrialFailure?
        let probe = SpeedProbe.milliseconds()
        var before = MemorySnapshot(rssBytes: 0, peakBytes: 0)
        do {
            try ProcStatus.resetPeakRSS()
            before = try MemorySnapshot.current()
        } catch {
            failure = .measurement("\(error)")
        }
        let start = clock.now()
        let stopwatch = Stopwatch()
        if failure == nil {
            if let alarmSeconds { ProcessAlarm.arm(seconds: alarmSeconds) }
            do { try await body() } catch let error as TrialFailure { failure = error } catch { failure = .engine("\(error)") }
            if alarmSeconds != nil { ProcessAlarm.disarm() }
        }
        let elapsed = stopwatch.elapsed()
        let end = clock.now()
        // The wall clock's busy-waits are the harness's, not the engine's (`WakeUpSpin`); the
        // clock is made for this trial, so all it spun was spun during the run.
        let spin = (clock as? WallClock)?.spunCPU.seconds
        var peak = 0
        do { peak = try MemorySnapshot.current().peakBytes } catch { failure = failure ?? .measurement("\(error)") }

        let verdict = Verifier(scenario: scenario, issues: spec.issues).check(sink: sink, ledger: api.ledger())
        if failure == nil, let problem = verdict.problem { failure = .verification(problem) }
        let sinkState = sink.snapshot()
        return TrialRecord(
            scenario: scenario.name, engine: spec.engine, tuning: spec.overrides, issues: spec.issues,
            repetition: spec.repetition, isWarmup: spec.isWarmup, clock: spec.clock.rawValue,
            verified: failure == nil, failure: failure?.description,
            wallSeconds: (end - start).seconds, hostWallSeconds: elapsed.wall.seconds,
            cpuSeconds: elapsed.cpu.seconds - (spin ?? 0), userSeconds: max(0, elapsed.usage.user.seconds - (spin ?? 0)),
            systemSeconds: elapsed.usage.system.seconds,
            rssBeforeBytes: before.rssBytes, peakRSSBytes: peak,
            latencyMs: sinkState.latency.percentilesInMilliseconds, api: api.counters(),
            delivered: sinkState.delivered, compressedRawBytes: sinkState.compressedRawBytes,
            compressedBytes: sinkState.compressedBytes, clockSpinSeconds: spin,
            speedProbeMilliseconds: probe)
    }
}
