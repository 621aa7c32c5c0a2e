#if canImport(Glibc)
import Glibc
#endif
import Contract
import Foundation
import Measurement

/// Why a trial failed, as its record's `failure` says it. Every reason is rendered here; each
/// starts with words a reader (or a script) can sort by: "timed out", "memory limit", "crashed",
/// "hung", "engine failed", "verification failed".
enum TrialFailure: Error, Equatable, CustomStringConvertible {
    /// The trial stopped itself at `runs.timeoutSeconds`: `SIGALRM` on the wall clock, the virtual
    /// clock's host timeout (with the virtual time it had reached) on the virtual clock.
    case timedOut(seconds: Double, virtualTime: Moment?)
    /// The trial process did not stop itself, and the harness killed it after `killedAfter` s.
    case killed(timeout: Double, killedAfter: Double)
    /// An allocation failed under the address-space limit of `runs.maxRSSMiB`; `evidence` is the
    /// line of the child's stderr that says so.
    case memoryLimit(mebibytes: Int, evidence: String)
    /// A signal ended the trial process; `evidence` is the most telling line of its stderr.
    case crashed(signal: Int32, evidence: String?)
    case exitedWithoutRecord(status: Int32, evidence: String?)
    case couldNotStart(String)
    /// The virtual clock found nothing runnable and nobody sleeping: a wait that can never end.
    case hung(String)
    /// The engine threw: it gave up, or failed otherwise.
    case engine(String)
    case verification(String)
    case measurement(String)

    var description: String {
        switch self {
        case let .timedOut(seconds, virtualTime?):
            return "timed out after \(format(seconds)) s of real time (virtual clock at \(virtualTime))"
        case let .timedOut(seconds, nil):
            return "timed out after \(format(seconds)) s (the engine was still running)"
        case let .killed(timeout, killedAfter):
            return "timed out after \(format(timeout)) s: the trial process did not stop itself and was killed after "
                + "\(format(killedAfter)) s"
        case let .memoryLimit(mebibytes, evidence):
            return "memory limit (\(mebibytes) MiB) exceeded: \(evidence)"
        case let .crashed(signal, evidence):
            return "crashed: killed by \(ChildProcessResult.Termination.signalName(signal))" + Self.suffix(evidence)
        case let .exitedWithoutRecord(status, evidence):
            return "trial process exited with status \(status) and no record" + Self.suffix(evidence)
        case .couldNotStart(let reason):
            return "could not start the trial process: \(reason)"
        case .hung(let reason):
            return "hung: \(reason)"
        case .engine(let reason):
            return "engine failed: \(reason)"
        case .verification(let problem):
            return "verification failed: \(problem)"
        case .measurement(let reason):
            return "cannot measure memory: \(reason)"
        }
    }

    private static func suffix(_ evidence: String?) -> String { evidence.map { ": \($0)" } ?? "" }
}

extension TrialFailure {
    /// Why a trial process that printed no record ended, from how it ended and what it wrote on
    /// stderr. `addressSpaceMiB` is the limit it ran under, if any; `killedAfter` is the parent's
    /// backstop timeout.
    static func classify(_ result: ChildProcessResult, timeout: Double, killedAfter: Double,
                         addressSpaceMiB: Int?) -> TrialFailure {
        let lines = String(decoding: result.stderr, as: UTF8.self).split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if result.timedOut { return .killed(timeout: timeout, killedAfter: killedAfter) }
        if let mebibytes = addressSpaceMiB,
           let line = lines.first(where: { line in memoryMarkers.contains { line.localizedCaseInsensitiveContains($0) } }) {
            return .memoryLimit(mebibytes: mebibytes, evidence: clipped(line))
        }
        switch result.termination {
        case .signaled(SIGALRM): return .timedOut(seconds: timeout, virtualTime: nil)
        case .signaled(let signal): return .crashed(signal: signal, evidence: evidence(in: lines))
        case .exited(let status): return .exitedWithoutRecord(status: status, evidence: evidence(in: lines))
        }
    }

    /// What the runtime, the C library and the dynamic loader write when memory runs out:
    /// "Fatal error: failed to allocate 16777248 bytes of memory with alignment 8", "Cannot
    /// allocate memory", "failed to map segment from shared object".
    static let memoryMarkers = ["failed to allocate", "cannot allocate memory", "could not allocate",
                                "failed to map segment", "out of memory"]

    /// The line that says most: a `fatalError` message (which names its file and line), else the
    /// runtime's name for the trap ("Swift runtime failure: arithmetic overflow") or the crash
    /// reporter's "Program crashed" line, with the frame that crashed when the reporter names it
    /// ("… (FixedWindow.roll(to:) at /src/Simulation/FixedWindow.swift:27:13)"), else the last line.
    static func evidence(in lines: [String]) -> String? {
        if let fatal = lines.first(where: { $0.contains("Fatal error") }) { return clipped(fatal) }
        let stars = CharacterSet(charactersIn: "*💣 ")
        if let trap = lines.first(where: { $0.contains("Swift runtime failure:") || $0.contains("Program crashed:") }) {
            return clipped(trap.trimmingCharacters(in: stars) + (crashedFrame(in: lines).map { " (\($0))" } ?? ""))
        }
        return lines.last.map(clipped)
    }

    /// "FixedWindow.roll(to:) at /src/FixedWindow.swift:27:13": the first frame of the crashed
    /// thread that is not the runtime's, from a backtrace line such as
    /// `1  0x000055986be79dea FixedWindow.roll(to:) + 458 in issuebench at /src/FixedWindow.swift:27:13`.
    static func crashedFrame(in lines: [String]) -> String? {
        guard let crashed = lines.firstIndex(where: { $0.hasSuffix("crashed:") }) else { return nil }
        for line in lines[(crashed + 1)...] where !line.contains("[system]") {
            guard let address = line.range(of: " 0x"), let plus = line.range(of: " + ", range: address.upperBound..<line.endIndex),
                  let at = line.range(of: " at ", range: plus.upperBound..<line.endIndex) else { continue }
            guard let symbolStart = line[address.upperBound...].firstIndex(of: " ") else { continue }
            let symbol = line[symbolStart..<plus.lowerBound].trimmingCharacters(in: .whitespaces)
            return "\(symbol) at \(line[at.upperBound...])"
        }
        return nil
    }

    private static func clipped(_ line: String) -> String {
        line.count > 300 ? String(line.prefix(299)) + "…" : line
    }
}
