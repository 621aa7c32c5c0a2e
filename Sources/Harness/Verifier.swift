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
    /// first few issue ids of each kind of fault.
    struct Verdict {
        var problem: String?
    }

    func check(sink: VerifyingSink, ledger: APILedger) -> Verdict {
        let state = sink.snapshot()
        let corpus = Corpus(seed: scenario.seed, issues: scenario.issues)
        let readComments = scenario.work.reads.contains(.comments)
        var faults: [Fault] = [
            Fault("issue(s) never delivered"), Fault("wrong result(s)"), Fault("issue(s) read without the required GET /issues/N"),
            Fault("issue(s) read without the required GET /issues/N/comments"), Fault("issue(s) without their label"),
            Fault("label(s) written more than once"), Fault("issue(s) labelled wrongly"),
            Fault("issue(s) without their comment"), Fault("comment(s) posted more than once"),
        ]
        if state.duplicateCount > 0 { faults.append(Fault("duplicate deliveries", state.duplicates, count: state.duplicateCount)) }
        if !state.outOfRange.isEmpty { faults.append(Fault("deliveries for issues that do not exist", state.outOfRange)) }

        for id in 1...issues {
            guard state.seen[id / 64] & (UInt64(1) << UInt64(id % 64)) != 0 else {
                faults[0].add(id)
                continue
            }
            let issue = corpus.issue(id)
            let expected = Analysis.analyze(issue, comments: readComments ? corpus.comments(id) : [])
            if state.digests[id] != VerifyingSink.digest(expected) { faults[1].add(id) }
            let entry = ledger[id]
            if scenario.work.reads.contains(.issue), !entry.issueRead { faults[2].add(id) }
            if readComments, !entry.commentsRead { faults[3].add(id) }
            if scenario.work.writes.contains(.label) {
                if entry.labelsApplied == 0 { faults[4].add(id) }
                if entry.labelsApplied > 1 { faults[5].add(id) }
                if entry.labelsApplied > 0, entry.label != expected.label { faults[6].add(id) }
            }
            if scenario.work.writes.contains(.comment) {
                if entry.commentsPosted == 0 { faults[7].add(id) }
                if entry.commentsPosted > 1 { faults[8].add(id) }
            }
        }
        let found = faults.filter { $0.count > 0 }
        return Verdict(problem: found.isEmpty ? nil : found.map(\.description).joined(separator: "; "))
    }

    /// One kind of fault: how many, and the first few ids.
    struct Fault: CustomStringConvertible {
        let what: String
        var ids: [IssueID]
        var count: Int

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
            return "\(count) \(what) (\(count > ids.count ? "first ids" : "ids") \(list))"
        }
    }
}
