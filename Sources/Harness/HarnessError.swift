import Contract
import Scenario

/// Bad input or usage: everything that makes `issuebench` exit 2. The message is rendered here
/// and nowhere else; it names the file or option, what was expected and what was found.
public enum HarnessError: Error, Equatable, CustomStringConvertible {
    /// A command-line mistake, with the sub-command it concerns.
    case usage(command: String, message: String)
    case scenario(ScenarioError)
    /// A tunable override that does not fit; `origin` says where it came from
    /// ("--set", or "FILE: engines.phase3").
    case tuning(origin: String, TuningError)
    /// An engine name no engine has; `origin` is "--engines", "--set" or "FILE: engines".
    case unknownEngine(origin: String, name: String, known: [String])
    /// `--engines` names an engine the scenario does not run.
    case engineNotInScenario(file: String, name: String, runs: [String])
    /// A file or folder that cannot be written or read.
    case io(path: String, message: String)
    /// A row of `file` would need more memory than `limit` allows (see `MemoryEstimate`).
    case wontFit(file: String, estimate: MemoryEstimate, limit: MemoryLimit)

    public var description: String {
        switch self {
        case let .usage(command, message):
            return "issuebench \(command): \(message)"
        case let .scenario(error):
            return error.description
        case let .tuning(origin, error):
            return "\(origin): \(error)"
        case let .unknownEngine(origin, name, known):
            let hint = nearest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            return "\(origin): unknown engine '\(name)'\(hint); expected one of \(known.joined(separator: ", "))"
        case let .engineNotInScenario(file, name, runs):
            return "--engines: \(file) does not run '\(name)'; it runs \(runs.joined(separator: ", "))"
        case let .io(path, message):
            return "\(path): \(message)"
        case let .wontFit(file, estimate, limit):
            let (needs, process, allowance) = switch limit {
            case .available(let bytes):
                (estimate.residentBytes, MemoryEstimate.processBytes,
                 "the \(MemoryEstimate.bytes(Double(bytes))) of memory available (MemAvailable in /proc/meminfo)")
            case .maxRSS(let mebibytes):
                (estimate.addressSpaceBytes, estimate.processAddressSpaceBytes,
                 "the \(mebibytes) MiB of address space runs.maxRSSMiB allows")
            }
            let advice = estimate.holdsEveryIssue
                ? "\(estimate.engine) keeps every issue in memory: run fewer issues (--sizes) or an engine that streams (phase3)"
                : "raise runs.maxRSSMiB"
            return "\(file): \(estimate.engine) at \(estimate.issues) issues would need about \(MemoryEstimate.bytes(needs)) "
                + "(\(estimate.breakdown(processBytes: process))), more than \(allowance); \(advice)"
        }
    }
}
