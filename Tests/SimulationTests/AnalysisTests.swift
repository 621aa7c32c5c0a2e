@testable import Contract
import Scenario
import Testing
@testable import Simulation

/// The shared analysis, which works 8 bytes at a time, against a plain tokeniser that works a byte
/// at a time: they must agree on every label and score, wherever tokens fall.
@Suite struct AnalysisTests {
    /// Label and score the way the analysis is specified: lower-cased runs of ASCII letters and
    /// digits, each keyword's weight added to its label, the best label (the first on a tie), or
    /// `.triage` when no keyword occurs.
    static func reference(_ texts: [[UInt8]]) -> (Label, Int32) {
        let weights = Dictionary(uniqueKeysWithValues: Analysis.keywords.map { ($0.0, ($0.1, $0.2)) })
        var scores = [Int32](repeating: 0, count: Label.allCases.count - 1)
        for text in texts {
            let tokens = text.split { !((($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39)) }
            for token in tokens {
                if let (label, weight) = weights[String(decoding: token.map { $0 | 0x20 }, as: UTF8.self)] {
                    scores[Int(label.rawValue)] += weight
                }
            }
        }
        var best = 0
        for i in scores.indices where scores[i] > scores[best] { best = i }
        return (scores[best] == 0 ? .triage : Label(rawValue: UInt8(best))!, scores.reduce(0, +))
    }

    static func issue(_ body: String, title: String = "") -> Contract.Issue {
        Contract.Issue(id: 1, title: Array(title.utf8), body: Array(body.utf8), commentCount: 0)
    }

    @Test func scoresMatchAPlainTokeniserOnTheCorpus() {
        var spec = IssueSpec(counts: [400])
        spec.bodyBytes = .lognormal(median: 300, p99: 4000)
        spec.commentsPerIssue = .uniform(min: 0, max: 3)
        spec.commentBytes = .uniform(min: 0, max: 200)
        let corpus = Corpus(seed: 9, issues: spec)
        for id in 1...400 {
            let issue = corpus.issue(id), comments = corpus.comments(id)
            let result = Analysis.analyze(issue, comments: comments)
            let (label, score) = Self.reference([issue.title, issue.body] + comments.map(\.body))
            #expect(result.label == label && result.score == score, "issue \(id)")
        }
    }

    @Test func tokensAcrossBlocksAtTheEndAndInAnyCaseAreFound() {
        let cases: [(String, Label, Int32)] = [
            ("", .triage, 0),
            ("crash", .bug, 5),
            ("CRASH, Crash? crash!", .bug, 15),
            // A keyword across the boundary between the first two 64-byte blocks.
            (String(repeating: "x", count: 60) + " vulnerability", .security, 5),
            (String(repeating: "y", count: 61) + " crash", .bug, 5),
            // Longer than 16 bytes, or keywords inside longer tokens: not keywords.
            ("vulnerabilityvulnerability crashes slowness docs2", .triage, 0),
            // A token that spans a whole block, then a keyword.
            (String(repeating: "z", count: 150) + " slow", .performance, 4),
            // Bytes that are not ASCII separate tokens.
            ("\u{e9}crash\u{e9} leak\u{2014}memory", .performance, 11),
            ("how why help question", .question, 10),
        ]
        for (body, label, score) in cases {
            let result = Analysis.analyze(Self.issue(body), comments: [])
            #expect(result.label == label && result.score == score, "\(body.prefix(40))")
            #expect(Self.reference([Array(body.utf8)]) == (label, score), "\(body.prefix(40))")
        }
    }

    @Test func everyByteAndTheIdMoveTheFingerprint() {
        let body = "The server returns 502 after the upgrade to v1.2.3 when the cache is cold, see src/cache.swift:88."
        let base = Analysis.analyze(Self.issue(body, title: "Crash on start"), comments: [])
        var bytes = Array(body.utf8)
        var fingerprints: Set<UInt64> = [base.fingerprint]
        for i in bytes.indices {
            bytes[i] ^= 0x01
            fingerprints.insert(Analysis.analyze(Contract.Issue(id: 1, title: Array("Crash on start".utf8), body: bytes,
                                                       commentCount: 0), comments: []).fingerprint)
            bytes[i] ^= 0x01
        }
        #expect(fingerprints.count == bytes.count + 1)
        var other = Self.issue(body, title: "Crash on start")
        other.id = 2
        #expect(Analysis.analyze(other, comments: []).fingerprint != base.fingerprint)
        #expect(Analysis.analyze(Self.issue(body + " "), comments: []).fingerprint
                != Analysis.analyze(Self.issue(body), comments: []).fingerprint)
    }
}
