import Contract
import Foundation
import Measurement

/// Runs one trial in a child process — this executable re-invoked as `issuebench __trial` — so
/// that a peak RSS belongs to one trial only and a crash, a hang or a runaway allocation takes
/// down only that trial.
///
/// The child enforces its own limits: `runs.timeoutSeconds` on the engine's run (`ProcessAlarm`,
/// or the virtual clock's host timeout) and `runs.maxRSSMiB` as its address-space limit
/// (`RLIMIT_AS`, set between fork and exec). The parent's timeout is the backstop for a child
/// that cannot stop itself; it allows for set-up and verification, which take time in
/// proportion to the issues.
struct TrialLauncher: Sendable {
    let executable: String

    init() throws(HarnessError) {
        do { executable = try ChildProcess.selfExecutablePath() } catch {
            throw .io(path: "/proc/self/exe", message: "cannot find this executable to run trials: \(error)")
        }
    }

    /// Seconds after which the parent kills a trial: its timeout, plus 30 s and 0.1 ms per issue
    /// for set-up and verification (a debug build verifies a million issues in about a minute).
    static func backstopSeconds(_ spec: TrialSpec) -> Double {
        spec.timeoutSeconds + 30 + Double(spec.issues) / 10_000
    }

    /// Runs `spec` and returns its record; a child that crashed, hung, ran out of memory or
    /// printed no record yields a failed record that says why. `onStart` gets the child's pid as
    /// soon as it exists.
    func launch(_ spec: TrialSpec, scenario: String, onStart: (@Sendable (pid_t) -> Void)? = nil) -> TrialRecord {
        let input: Data
        do { input = try JSONEncoder().encode(spec) } catch { preconditionFailure("a TrialSpec always encodes: \(error)") }
        let result: ChildProcessResult
        do {
            result = try ChildProcess(executable: executable, arguments: [TrialCommand.name], standardInput: Array(input),
                                      environment: Self.environment(spec), timeoutSeconds: Self.backstopSeconds(spec),
                                      addressSpaceLimitBytes: spec.maxRSSMiB.map { $0 << 20 }, onStart: onStart).run()
        } catch {
            return .failed(spec, scenario: scenario, reason: .couldNotStart("\(error)"))
        }
        return Self.record(of: result, spec: spec, scenario: scenario)
    }

    /// Under an address-space limit, glibc's malloc is held to one arena: each further arena
    /// reserves 64 MiB of address space up front, and a limit would then count reservations
    /// rather than memory used (threads that cannot get an arena also make the process crawl).
    static func environment(_ spec: TrialSpec) -> [String: String] {
        spec.maxRSSMiB == nil ? [:] : ["MALLOC_ARENA_MAX": "1"]
    }

    /// The record a finished child process yields: the one it printed, or a failed one saying why
    /// there is none.
    static func record(of result: ChildProcessResult, spec: TrialSpec, scenario: String) -> TrialRecord {
        if !result.timedOut, result.termination == .exited(0),
           let last = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").last,
           let record = try? JSONDecoder().decode(TrialRecord.self, from: Data(last.utf8)) {
            return record
        }
        return .failed(spec, scenario: scenario, reason: .classify(
            result, timeout: spec.timeoutSeconds, killedAfter: backstopSeconds(spec), addressSpaceMiB: spec.maxRSSMiB))
    }
}

extension TrialRecord {
    /// The record of a trial that produced no measurement.
    static func failed(_ spec: TrialSpec, scenario: String, reason: TrialFailure) -> TrialRecord {
        TrialRecord(scenario: scenario, engine: spec.engine, tuning: spec.overrides, issues: spec.issues,
                    repetition: spec.repetition, isWarmup: spec.isWarmup, clock: spec.clock.rawValue,
                    verified: false, failure: reason.description, wallSeconds: 0, hostWallSeconds: 0, cpuSeconds: 0,
                    userSeconds: 0, systemSeconds: 0, rssBeforeBytes: 0, peakRSSBytes: 0, latencyMs: .zero,
                    api: APICounters(), delivered: 0, compressedRawBytes: 0, compressedBytes: 0)
    }
}
