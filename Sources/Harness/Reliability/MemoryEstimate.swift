import Foundation
import Scenario
import Simulation

/// What a row of the plan needs in memory at its peak, to refuse before running what cannot fit.
///
/// phase1 and phase2 list every page before processing and keep every issue's archived record
/// (issue, comments, result) for the whole run, so their peak grows with issues × text: each
/// issue's body once from the listing and once more when it is read again (`GET /issues/N`), its
/// comments when they are read, and a fixed cost per issue and per comment for the containers
/// holding them, all from the workload's means. Other engines stream and hold a bounded amount,
/// counted as nothing here. Either way the trial process comes on top: the harness's bookkeeping
/// (a few dozen bytes an issue) and the process itself — its resident memory before the engine
/// starts, or, against `runs.maxRSSMiB` (an address-space limit), the address space it reserves.
/// The constants were measured (README-scale.md: phase1 held 8.9 KB an issue where this says 8.7);
/// the estimate is meant to be right within a few tens of percent, enough to refuse what cannot fit.
public struct MemoryEstimate: Equatable, Sendable {
    /// Engines that hold every issue until the end.
    static let materialisingEngines: Set<String> = ["phase1", "phase2"]
    /// Title, the `Issue` in the listing and in the archive, the result, the record's slot, and
    /// allocator rounding: bytes per issue besides its text.
    static let overheadPerIssue = 320.0
    /// The comment's array and its slot in the issue's comment list.
    static let overheadPerComment = 48.0
    /// The longest text the corpus generates (`Corpus.maxTextBytes`): a mean beyond it is not held.
    static let longestText = 64.0 * 1_048_576
    /// Resident memory of a trial process before its engine starts.
    static let processBytes = 32.0 * 1_048_576
    /// The harness's own per-issue state: the simulated API's attempt table, a byte per request
    /// kind of an issue, which settles to nothing once every issue of a chunk was served once but
    /// not under errors, and the labels and page times (0.46 B measured at a million issues).
    static let bookkeepingPerIssue = 6.0

    /// Address space a trial process reserves before its engine allocates anything — runtime,
    /// libraries, one malloc arena (as under a limit) — plus an 8 MiB stack for each thread of the
    /// concurrency runtime's pool, which has one per core.
    static func processAddressSpace(cores: Int) -> Double {
        (96.0 + 8.0 * Double(max(1, cores))) * 1_048_576
    }

    var engine: String
    var issues: Int
    /// Whether the engine holds every issue; if not, only the process counts.
    var holdsEveryIssue: Bool
    /// Mean bytes of one body, and how many copies of each body are held.
    var bodyBytes: Double
    var bodyCopies: Int
    /// Mean comments per issue held (0 when comments are not read), and their mean size.
    var comments: Double
    var commentBytes: Double
    /// The trial process's own address space (`processAddressSpace(cores:)`).
    var processAddressSpaceBytes: Double

    /// Bytes held per issue by an engine that holds every issue.
    var perIssue: Double {
        Double(bodyCopies) * bodyBytes + comments * (commentBytes + Self.overheadPerComment) + Self.overheadPerIssue
    }

    /// Bytes the engine holds at its peak.
    var heldBytes: Double { holdsEveryIssue ? Double(issues) * perIssue : 0 }

    /// The harness's bookkeeping for the trial's issues.
    var bookkeepingBytes: Double { Double(issues) * Self.bookkeepingPerIssue }

    /// Resident bytes at the peak: what the engine holds, the bookkeeping and the process.
    var residentBytes: Double { heldBytes + bookkeepingBytes + Self.processBytes }

    /// Address space at the peak, as `RLIMIT_AS` counts it.
    var addressSpaceBytes: Double { heldBytes + bookkeepingBytes + processAddressSpaceBytes }

    /// The estimate for `row` on a machine with `cores` cores.
    init(_ row: RunPlan.Row, cores: Int) {
        let spec = row.scenario.issues
        let work = row.scenario.work
        engine = row.engine
        issues = row.issues
        holdsEveryIssue = Self.materialisingEngines.contains(row.engine)
        bodyBytes = min(spec.bodyBytes.mean, Self.longestText)
        bodyCopies = work.reads.contains(.issue) ? 2 : 1
        comments = work.reads.contains(.comments) ? spec.commentsPerIssue.mean : 0
        commentBytes = min(spec.commentBytes.mean, Self.longestText)
        processAddressSpaceBytes = Self.processAddressSpace(cores: cores)
    }

    /// How the figure is made: "1000000 issues × 8.5 KiB (2 × 2.7 KiB of body, 4.0 comments ×
    /// 700 B, 320 B of containers) + 30.5 MiB of bookkeeping + 32.0 MiB for the process", or for an
    /// engine that streams, "30.5 MiB of bookkeeping + 32.0 MiB for the process; phase3 streams its
    /// issues".
    func breakdown(processBytes: Double) -> String {
        let rest = "\(Self.bytes(bookkeepingBytes)) of bookkeeping + \(Self.bytes(processBytes)) for the process"
        guard holdsEveryIssue else { return "\(rest); \(engine) streams its issues" }
        let comments = String(format: "%.1f", self.comments)
        return "\(issues) issues × \(Self.bytes(perIssue)) (\(bodyCopies) × \(Self.bytes(bodyBytes)) of body, "
            + "\(comments) comments × \(Self.bytes(commentBytes + Self.overheadPerComment)), "
            + "\(Self.bytes(Self.overheadPerIssue)) of containers) + \(rest)"
    }

    /// Bytes in binary units with one decimal: "512 B", "16.3 KiB", "1.2 GiB".
    static func bytes(_ value: Double) -> String {
        guard value.isFinite else { return "∞" }
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var scaled = value
        var unit = 0
        while scaled >= 1024, unit < units.count - 1 {
            scaled /= 1024
            unit += 1
        }
        return unit == 0 ? "\(Int(scaled)) B" : String(format: "%.1f %@", scaled, units[unit])
    }
}

/// What a `MemoryEstimate` was held against.
public enum MemoryLimit: Equatable, Sendable {
    /// `MemAvailable` of /proc/meminfo, in bytes.
    case available(bytes: Int)
    /// The scenario's `runs.maxRSSMiB` (an address-space limit).
    case maxRSS(mebibytes: Int)
}
