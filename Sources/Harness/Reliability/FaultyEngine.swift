#if canImport(Glibc)
import Glibc
#endif
import Contract

/// A test-only engine: a plain, correct, sequential engine with one fault chosen by its `mode`
/// tunable, striking at issue `faultAt`. End-to-end tests run it through the built executable to
/// prove that the harness records each kind of failure and goes on with the next trial.
///
/// Registered only when `ISSUEBENCH_TEST_ENGINES=1` (see `EngineCatalog`); a scenario selects a
/// fault with `"engines": {"faulty": {"mode": 1}}`. It expects an API without errors or limits:
/// any failed request ends its run.
struct FaultyEngine: IssueEngine {
    /// The fault. Numbered because tunables are numbers; `list`-style help prints the numbers.
    enum Mode: Int, CaseIterable, Sendable {
        /// No fault: every issue processed correctly.
        case none = 0
        /// `fatalError`: the Swift runtime traps (SIGILL on x86-64, SIGTRAP on arm64).
        case trap
        /// `raise(SIGSEGV)`.
        case segfault
        /// Sleeps on the harness clock forever: on the virtual clock time runs on without end.
        case hangOnClock
        /// Waits on a continuation nobody resumes.
        case hangOnContinuation
        /// Delivers a result with the wrong label (the label written is the right one).
        case wrongResult
        /// Delivers the result twice.
        case duplicateResult
        /// Skips the issue altogether: no reads, no writes, no result.
        case loseIssue
        /// Throws an `EngineFailure`.
        case throwError
        /// Allocates 16 MiB after 16 MiB until an allocation fails; refuses to start without an
        /// address-space limit (`runs.maxRSSMiB`), so that it can never take a machine's memory.
        case exhaustMemory
    }

    static let name = "faulty"
    static let summary = "test only (ISSUEBENCH_TEST_ENGINES=1): a correct sequential engine with one fault"
    static let parameters: [ParameterSpec] = [
        ParameterSpec("mode", default: 0, range: 0...Double(Mode.allCases.count - 1),
                      "the fault: " + Mode.allCases.map { "\($0.rawValue) \($0)" }.joined(separator: ", ")),
        ParameterSpec("faultAt", default: 1, range: 1...10_000_000, "the issue the fault strikes (none past the last)"),
    ]

    let mode: Mode
    let faultAt: IssueID

    init(tuning: Tuning) {
        mode = Mode(rawValue: tuning.int("mode"))!
        faultAt = tuning.int("faultAt")
    }

    func run(_ job: Job) async throws {
        let connection = try await job.api.connect(to: 0)
        var page = 1
        var lastPage = 1
        repeat {
            guard case .issuePage(let listing) = try await send(.listIssues(page: page), job, connection) else {
                throw EngineFailure("faulty engine: page \(page) is not an issue page")
            }
            lastPage = listing.lastPage
            for issue in listing.issues {
                try await process(issue, job, connection)
            }
            page += 1
        } while page <= lastPage
    }

    private func process(_ listed: Issue, _ job: Job, _ connection: Connection) async throws {
        let strikes = listed.id == faultAt
        if strikes {
            switch mode {
            case .loseIssue: return
            case .trap: fatalError("faulty engine: trap at issue \(listed.id)")
            case .segfault:
                // The default action, not the Swift runtime's crash reporter, which lets a raised
                // (not a faulting) SIGSEGV return.
                signal(SIGSEGV, SIG_DFL)
                raise(SIGSEGV)
                fatalError("faulty engine: SIGSEGV did not end the process")
            case .hangOnClock:
                while true { try await job.clock.sleep(for: .seconds(3600)) }
            case .hangOnContinuation:
                await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
            case .throwError: throw EngineFailure("faulty engine: failed on purpose at issue \(listed.id)")
            case .exhaustMemory: try exhaustMemory()
            case .none, .wrongResult, .duplicateResult: break
            }
        }
        var issue = listed
        if job.work.readIssue, case .issue(let read) = try await send(.getIssue(listed.id), job, connection) {
            issue = read
        }
        var comments: [Comment] = []
        if job.work.readComments, case .comments(let read) = try await send(.listComments(listed.id), job, connection) {
            comments = read
        }
        var result = try await job.analyze(issue, comments: comments)
        for write in job.writes(for: result) { _ = try await send(write, job, connection) }
        if strikes, mode == .wrongResult {
            result.label = Label(rawValue: (result.label.rawValue + 1) % UInt8(Label.allCases.count))!
        }
        job.sink.deliver(result)
        if strikes, mode == .duplicateResult { job.sink.deliver(result) }
    }

    private func send(_ request: APIRequest, _ job: Job, _ connection: Connection) async throws -> Payload {
        let response = try await job.api.send(request, over: connection)
        guard response.isSuccess else {
            throw EngineFailure("faulty engine: \(request.summary) answered \(response.status)")
        }
        return response.payload
    }

    private func exhaustMemory() throws -> Never {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else {
            throw EngineFailure("faulty engine: mode exhaustMemory needs runs.maxRSSMiB, so that it cannot take the machine's memory")
        }
        var hoard: [[UInt8]] = []
        while hoard.count < Int.max {
            hoard.append([UInt8](repeating: 1, count: 16 << 20))
        }
        fatalError("faulty engine: ran out of counting before memory")
    }
}
