@testable import Contract
import Scenario
import Testing
@testable import Simulation

/// The shared analysis, which works 8 bytes at a time, against a plain tokeniser that works a byte
/// at a time and the fingerprint's definition: they must agree on every label, score and
/// fingerprint, wherever tokens fall.
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

    /// The fingerprint as it is defined, and as results recorded elsewhere depend on it: each
    /// text's bytes as little-endian words (the last one padded with zeros), folded alternately
    /// into two lanes seeded from the id, then the text's length into the first lane.
    static func fingerprint(id: IssueID, texts: [[UInt8]]) -> UInt64 {
        func mix(_ x: UInt64) -> UInt64 {
            let m = x &* 0xFF51_AFD7_ED55_8CCD
            return m << 23 | m >> 41
        }
        var lanes = [UInt64(truncatingIfNeeded: id) &* 0x9E37_79B9_7F4A_7C15]
        lanes.append(~lanes[0])
        for text in texts {
            for (i, start) in stride(from: 0, to: text.count, by: 8).enumerated() {
                let word = text[start..<min(start + 8, text.count)].reversed().reduce(0) { $0 << 8 | UInt64($1) }
                lanes[i % 2] = mix(lanes[i % 2] ^ word)
            }
            lanes[0] = mix(lanes[0] ^ UInt64(text.count))
        }
        return mix(mix(lanes[0] ^ 0xD6E8_FEB8_6659_FD93) ^ lanes[1])
    }

    /// Expects `Analysis.analyze` to give the reference label, score and fingerprint.
    static func expectReference(_ issue: Contract.Issue, _ comments: [Contract.Comment] = [],
                                sourceLocation: SourceLocation = #_sourceLocation) {
        let texts = [issue.title, issue.body] + comments.map(\.body)
        let (label, score) = reference(texts)
        let expected = IssueResult(id: issue.id, label: label, score: score,
                                   fingerprint: fingerprint(id: issue.id, texts: texts))
        #expect(Analysis.analyze(issue, comments: comments) == expected,
                "title \(issue.title.count) bytes, body \(issue.body.count)", sourceLocation: sourceLocation)
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

    @Test func fingerprintsAreTheRecordedOnes() {
        let body = "The server returns 502 after the upgrade to v1.2.3 when the cache is cold, see src/cache.swift:88."
        let issue = Contract.Issue(id: 7, title: Array("Crash on start".utf8), body: Array(body.utf8), commentCount: 0)
        let comment = Contract.Comment(body: Array("Same VULNERABILITY here: token leak".utf8))
        #expect(Analysis.analyze(issue, comments: [comment])
                == IssueResult(id: 7, label: .security, score: 15, fingerprint: 12_309_970_973_919_336_951))
        #expect(Analysis.analyze(Contract.Issue(id: 0, title: [], body: [], commentCount: 0), comments: [])
                == IssueResult(id: 0, label: .triage, score: 0, fingerprint: 9_716_468_488_725_893_224))
    }

    @Test func randomBytesOfEveryLengthMatchTheReference() {
        var random = SplitMix64(seed: 11)
        // Letters of both cases, digits, punctuation, the bytes around each class's edges, and
        // bytes ≥ 0x80, so that tokens of every length start and end at every byte of a word.
        let alphabet = Array("aAzZ09 .-/_`@[{".utf8) + [0x00, 0x10, 0x19, 0x2F, 0x3A, 0x7F, 0x80, 0xC3, 0xE1, 0xFF]
        for length in 0...200 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let tokens = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            Self.expectReference(Contract.Issue(id: length, title: bytes, body: tokens, commentCount: 0),
                                 [Contract.Comment(body: Array(tokens.reversed()))])
        }
    }

    /// The SSE2 classifier against a byte-by-byte one, for texts of every length up to 300
    /// bytes (zero-padded to whole blocks, as a scan's scratch is): random bytes, and bytes from
    /// around each class's edges.
    @Test func tokenMasksMatchAByteByByteClassificationForEveryLength() {
        var random = SplitMix64(seed: 12)
        let edges = Array("aAzZ09`@[{/:".utf8) + [0x00, 0x10, 0x19, 0x2F, 0x3A, 0x5B, 0x60, 0x7B, 0x7F, 0x80, 0x9A, 0xC1, 0xDA, 0xFF]
        for length in 0...300 {
            for fromEdges in [false, true] {
                let text = (0..<length).map { _ in
                    fromEdges ? edges[Int(random.next() % UInt64(edges.count))] : UInt8(truncatingIfNeeded: random.next())
                }
                let blocks = (length + 63) / 64
                var padded = [UInt64](repeating: 0, count: blocks * 8)
                padded.withUnsafeMutableBytes { $0.copyBytes(from: text) }
                var masks = [UInt64](repeating: 0, count: blocks)
                padded.withUnsafeBufferPointer { words in
                    masks.withUnsafeMutableBufferPointer {
                        Analysis.tokenMasks(words.baseAddress!, blocks: blocks, into: $0.baseAddress!)
                    }
                }
                var expected = [UInt64](repeating: 0, count: blocks)
                for (i, byte) in text.enumerated() {
                    let lower = byte | 0x20
                    if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                        expected[i / 64] |= 1 << UInt64(i % 64)
                    }
                }
                #expect(masks == expected, "\(length) bytes")
            }
        }
    }

    /// A title and a body scanned in one pass (when they fit in one scratch copy) against the
    /// reference: titles of every length up to 300, ending in a token that a body starting with
    /// one must not run into, and bodies on both sides of the largest that still fits.
    @Test func titleAndBodyTogetherMatchTheReference() {
        var random = SplitMix64(seed: 13)
        let alphabet = Array("crash slow HOW-a9 ".utf8)
        func text(_ count: Int) -> [UInt8] {
            (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
        }
        for length in 0...300 {
            let title = text(length) + Array("crash".utf8)
            let fitting = Analysis.copyBytes - Analysis.gap(after: title.count) * 8
            for bodyBytes in [0, 1, 7, 100, fitting - 1, fitting, fitting + 1] {
                let body = Array((Array("crash".utf8) + text(max(bodyBytes - 5, 0))).prefix(bodyBytes))
                #expect(Analysis.fitTogether(title.count, body.count) == (bodyBytes <= fitting))
                Self.expectReference(Contract.Issue(id: length, title: title, body: body, commentCount: 0))
            }
        }
    }

    @Test func keywordsAnywhereInAnyCaseMatchTheReference() {
        let words = ["crash", "CRASH", "Crash", "crashes", "xcrash", "add", "ad", "ENHANCEMENT", "enhancements",
                     "vulnerability", "Vulnerabilit", "vulnerabilityx", "throughput", "docs2", "a"]
        // At offsets on both sides of 8-byte word and 64-byte block boundaries: alone, at the very
        // end of the text, and run into a token that starts the text.
        for word in words.map({ Array($0.utf8) }) {
            for offset in [0, 1, 5, 6, 7, 8, 9, 55, 56, 57, 59, 60, 61, 62, 63, 64, 65, 66, 70] {
                let spaced = [UInt8](repeating: 0x20, count: offset) + word
                let run = [UInt8](repeating: 0x7A, count: offset) + word
                Self.expectReference(Contract.Issue(id: offset, title: spaced, body: spaced + Array(" help".utf8),
                                                    commentCount: 0), [Contract.Comment(body: run)])
            }
        }
    }

    @Test func tokensSharingAKeywordsFirstByteOrLengthMatchTheReference() {
        // Near misses that a lookup by masked words must tell apart: each keyword with its first
        // byte in either case or as the digit that shares its low 6 bits ("0roposal" for
        // "proposal"), one byte longer or shorter, and runs of every length up to 16 from its
        // first letter.
        for (index, keyword) in Analysis.keywords.map({ Array($0.0.utf8) }).enumerated() {
            let first = keyword[0]
            var tokens = [keyword, [first & 0xDF] + keyword.dropFirst(), [first ^ 0x40] + keyword.dropFirst(),
                          keyword + [0x73], Array(keyword.dropLast()), [first &+ 1] + keyword.dropFirst()]
            tokens += (0...15).map { [first] + [UInt8](repeating: 0x71, count: $0) }
            let text = Array(tokens.joined(separator: [0x20]))
            Self.expectReference(Contract.Issue(id: index, title: Array(text.prefix(40)), body: text, commentCount: 0))
        }
    }

    @Test func longTextsMatchTheReference() {
        // Texts longer than one scratch copy (832 bytes): a keyword across each copy boundary,
        // and a token that runs on through a whole copy into the next.
        let filler = Array("fails, see docs: 42 how ".utf8)
        let keywords = Array(" security SLOW ".utf8)
        for offset in [817, 818, 822, 823, 825, 827, 828, 831, 832, 1658, 1661] {
            var text = (0..<80).flatMap { _ in filler }
            text.replaceSubrange(offset..<offset + keywords.count, with: keywords)
            Self.expectReference(Contract.Issue(id: offset, title: Array(text.prefix(offset + 6)), body: text,
                                                commentCount: 0))
        }
        let run = [UInt8](repeating: 0x61, count: 900) + Array(" crash ".utf8) + [UInt8](repeating: 0x62, count: 1000)
        Self.expectReference(Contract.Issue(id: 1, title: run, body: Array(run.prefix(1000)), commentCount: 0),
                             [Contract.Comment(body: Array(run.suffix(1000)) + Array(" why".utf8))])
    }
}
