import Contract
import Foundation
import Measurement

/// Runs one trial in a child process — this executable re-invoked as `issuebench __trial` — so
/// that a peak RSS belongs to one trial only and a crash or hang takes down only that trial.
struct TrialLauncher: Sendable {
    let executable: String

    init() throws(HarnessError) {
        do { executable = try ChildProcess.selfExecutablePath() } catch {
            throw .io(path: "/proc/self/exe", message: "cannot find this executable to run trials: \(error)")
        }
    }

    /// Runs `spec` and returns its record; a child that crashed, hung or printed no record yields
    /// a failed record that says why.
    func launch(_ spec: TrialSpec, scenario: String) -> TrialRecord {
        let input: Data
        do { input = try JSONEncoder().encode(spec) } catch { preconditionFailure("a TrialSpec always encodes: \(error)") }
        // The child enforces its own limits; this is the backstop for a child that cannot.
        let timeout = spec.timeoutSeconds + 30
        let result: ChildProcessResult
        do {
            result = try ChildProcess(executable: executable, arguments: [TrialCommand.name], standardInput: Array(input),
                                      timeoutSeconds: timeout, addressSpaceLimitBytes: spec.maxRSSMiB.map { $0 << 20 }).run()
        } catch {
            return .failed(spec, scenario: scenario, reason: "could not start the trial process: \(error)")
        }
        if result.timedOut {
            return .failed(spec, scenario: scenario, reason: "timed out after \(format(timeout)) s (killed)")
        }
        guard case .exited(let status) = result.termination else {
            return .failed(spec, scenario: scenario, reason: "crashed: \(result.termination)\(Self.lastLine(result.stderr))")
        }
        let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n")
        guard status == 0, let last = lines.last,
              let record = try? JSONDecoder().decode(TrialRecord.self, from: Data(last.utf8)) else {
            return .failed(spec, scenario: scenario,
                           reason: "trial process exited with status \(status) and no record\(Self.lastLine(result.stderr))")
        }
        return record
    }

    private static func lastLine(_ stderr: [UInt8]) -> String {
        let text = String(decoding: stderr, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        return text.isEmpty ? "" : ": \(text)"
    }
}

extension TrialRecord {
    /// The record of a trial that produced no measurement.
    static func failed(_ spec: TrialSpec, scenario: String, reason: String) -> TrialRecord {
        TrialRecord(scenario: scenario, engine: spec.engine, tuning: spec.overrides, issues: spec.issues,
                    repetition: spec.repetition, isWarmup: spec.isWarmup, clock: spec.clock.rawValue,
                    verified: false, failure: reason, wallSeconds: 0, hostWallSeconds: 0, cpuSeconds: 0,
                    userSeconds: 0, systemSeconds: 0, rssBeforeBytes: 0, peakRSSBytes: 0, latencyMs: .zero,
                    api: APICounters(), delivered: 0, compressedRawBytes: 0, compressedBytes: 0)
    }
}
