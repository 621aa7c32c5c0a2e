import Contract
import Scenario
import Simulation

/// Checks a trial after the run, independently of the engine: every issue delivered exactly once,
/// each result equal to the analysis of the corpus's own text, every required read made, every
/// write applied exactly once with the right label.
struct Verifier {
    let scenario: Scenario
    let issues: Int

    /// `problem` is `nil` when everything checks out, else one sentence naming counts and the
    /// first few issue ids of each kind of fault (for more wrong results than `ResultSketch` can
    /// name, a lower bound and the ids it recovered).
    struct Verdict {
        var problem: String?
    }

    /// The kinds of fault found issue by issue (wrong results: in the sink's `ResultSketch`), in
    /// the order they are reported.
    enum Kind: Int, CaseIterable {
        case missing, wrongResult, issueNotRead, commentsNotRead, labelMissing, labelRepeated, labelWrong,
             commentMissing, commentRepeated

        var what: String {
            switch self {
            case .missing: "issue(s) never delivered"
            case .wrongResult: "wrong result(s)"
            case .issueNotRead: "issue(s) analysed without the required GET /issues/N"
            case .commentsNotRead: "issue(s) analysed without the required GET /issues/N/comments"
            case .labelMissing: "issue(s) without their label"
            case .labelRepeated: "label(s) written more than once"
            case .labelWrong: "issue(s) labelled wrongly"
            case .commentMissing: "issue(s) without their comment"
            case .commentRepeated: "comment(s) posted more than once"
            }
        }
    }

    func check(sink: VerifyingSink, ledger: APILedger) -> Verdict {
        let state = sink.snapshot()
        let corpus = Corpus(seed: scenario.seed, issues: scenario.issues)
        let work = scenario.work
        let readComments = work.reads.contains(.comments)
        var faults = Kind.allCases.map { Fault($0.what) }
        func add(_ kind: Kind, _ id: IssueID) { faults[kind.rawValue].add(id) }
        // What the sink saw, less what the corpus says: only the wrong results are left.
        var results = state.results

        for id in 1...issues {
            guard state.wasDelivered(id) else {
                add(.missing, id)
                continue
            }
            let expected = Analysis.analyze(corpus.issue(id), comments: readComments ? corpus.comments(id) : [])
            results.remove(ResultSketch.Entry(id: id, digest: VerifyingSink.digest(expected)))
            let entry = ledger[id]
            if work.reads.contains(.issue), !entry.issueRead { add(.issueNotRead, id) }
            if readComments, !entry.commentsRead { add(.commentsNotRead, id) }
            if work.writes.contains(.label) {
                if entry.labelsApplied == 0 { add(.labelMissing, id) }
                if entry.labelsApplied > 1 { add(.labelRepeated, id) }
                if entry.labelsApplied > 0, entry.label != expected.label { add(.labelWrong, id) }
            }
            if work.writes.contains(.comment) {
                if entry.commentsPosted == 0 { add(.commentMissing, id) }
                if entry.commentsPosted > 1 { add(.commentRepeated, id) }
            }
        }
        faults[Kind.wrongResult.rawValue] = Fault(wrongResults: results.difference(), Kind.wrongResult.what)
        if state.duplicateCount > 0 { faults.append(Fault("duplicate deliveries", state.duplicates, count: state.duplicateCount)) }
        if !state.outOfRange.isEmpty { faults.append(Fault("deliveries for issues that do not exist", state.outOfRange)) }
        let found = faults.filter { $0.count > 0 }
        return Verdict(problem: found.isEmpty ? nil : found.map(\.description).joined(separator: "; "))
    }

    /// One kind of fault: how many, and the first few ids.
    struct Fault: CustomStringConvertible {
        let what: String
        var ids: [IssueID]
        var count: Int
        /// `count` is a lower bound and `ids` some of the issues, not the first.
        var isLowerBound = false

        init(_ what: String, _ ids: [IssueID] = [], count: Int? = nil) {
            self.what = what
            self.ids = ids
            self.count = count ?? ids.count
        }

        mutating func add(_ id: IssueID) {
            count += 1
            if ids.count < 5 { ids.append(id) }
        }

        var description: String {
            let list = ids.map(String.init).joined(separator: ", ")
            if isLowerBound { return "at least \(count) \(what)" + (ids.isEmpty ? "" : " (among them ids \(list))") }
            return "\(count) \(what) (\(count > ids.count ? "first ids" : "ids") \(list))"
        }
    }
}
