/// The label an analysis picks for an issue.
public enum Label: UInt8, CaseIterable, Sendable, Codable {
    case bug, feature, documentation, question, performance, security, triage

    public var name: String { "\(self)" }
}

/// What an engine delivers for one issue: a pure function of the issue and its comments.
public struct IssueResult: Sendable, Equatable {
    public var id: IssueID
    public var label: Label
    public var score: Int32
    /// A hash of every token the analysis read, so a result computed from the wrong or a partial
    /// text does not match.
    public var fingerprint: UInt64

    public init(id: IssueID, label: Label, score: Int32, fingerprint: UInt64) {
        self.id = id
        self.label = label
        self.score = score
        self.fingerprint = fingerprint
    }
}

/// The one analysis every engine runs and the harness re-runs to verify: tokenise, score each
/// label by keyword weights, pick the best. Its cost is real CPU work proportional to the text.
public enum Analysis {
    /// Analyses an issue. `comments` must be exactly the comments the work plan says to read
    /// (empty when comments are not read).
    public static func analyze(_ issue: Issue, comments: [Comment]) -> IssueResult {
        var state = State(seed: UInt64(truncatingIfNeeded: issue.id))
        state.scan(issue.title)
        state.scan(issue.body)
        for comment in comments { state.scan(comment.body) }
        return state.result(id: issue.id)
    }

    /// The comment a `comment` write posts: derived from the result so that the API can check it.
    public static func commentBody(for result: IssueResult) -> [UInt8] {
        Array("issuebench: labelled \(result.label.name), score \(result.score)".utf8)
    }

    // MARK: - Internals

    /// Keyword → (label, weight). The simulated corpus draws from a vocabulary that contains these.
    static let keywords: [(String, Label, Int32)] = [
        ("crash", .bug, 5), ("error", .bug, 3), ("broken", .bug, 4), ("regression", .bug, 4),
        ("exception", .bug, 3), ("fails", .bug, 3), ("panic", .bug, 4),
        ("feature", .feature, 4), ("support", .feature, 2), ("add", .feature, 1), ("proposal", .feature, 3),
        ("enhancement", .feature, 4),
        ("docs", .documentation, 4), ("readme", .documentation, 3), ("typo", .documentation, 3),
        ("example", .documentation, 2),
        ("how", .question, 2), ("why", .question, 2), ("question", .question, 4), ("help", .question, 2),
        ("slow", .performance, 4), ("latency", .performance, 3), ("memory", .performance, 3),
        ("throughput", .performance, 4), ("leak", .performance, 3),
        ("security", .security, 5), ("vulnerability", .security, 5), ("token", .security, 2),
        ("injection", .security, 4),
    ]

    /// Open-addressed table of keyword hashes: one probe per token on the hot path.
    static let table: KeywordTable = KeywordTable(keywords)

    struct KeywordTable: Sendable {
        static let size = 256
        var hashes = [UInt64](repeating: 0, count: size)
        var entries = [(label: UInt8, weight: Int32)](repeating: (0, 0), count: size)

        init(_ keywords: [(String, Label, Int32)]) {
            for (word, label, weight) in keywords {
                let h = Array(word.utf8).withUnsafeBufferPointer { Analysis.hash($0[...]) }
                var slot = Int(truncatingIfNeeded: h) & (Self.size - 1)
                while hashes[slot] != 0 { slot = (slot + 1) & (Self.size - 1) }
                hashes[slot] = h
                entries[slot] = (label.rawValue, weight)
            }
        }

        func lookup(_ h: UInt64) -> (label: UInt8, weight: Int32)? {
            var slot = Int(truncatingIfNeeded: h) & (Self.size - 1)
            while hashes[slot] != 0 {
                if hashes[slot] == h { return entries[slot] }
                slot = (slot + 1) & (Self.size - 1)
            }
            return nil
        }
    }

    /// FNV-1a over lower-cased ASCII bytes.
    @inline(__always)
    static func hash(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b | 0x20)) &* 0x100_0000_01b3 }
        return h | 1  // never 0: 0 marks an empty table slot
    }

    struct State {
        var fingerprint: UInt64
        /// One score per label except `.triage`, which is what no keyword at all gives.
        var scores = [Int32](repeating: 0, count: Label.allCases.count - 1)

        init(seed: UInt64) { fingerprint = seed &* 0x9E37_79B9_7F4A_7C15 }

        mutating func scan(_ text: [UInt8]) {
            let table = Analysis.table
            text.withUnsafeBufferPointer { buffer in
                var start = -1
                for i in 0...buffer.count {
                    let isWord: Bool
                    if i < buffer.count {
                        let c = buffer[i] | 0x20
                        isWord = (c >= 0x61 && c <= 0x7a) || (buffer[i] >= 0x30 && buffer[i] <= 0x39)
                    } else {
                        isWord = false
                    }
                    if isWord {
                        if start < 0 { start = i }
                    } else if start >= 0 {
                        let h = Analysis.hash(buffer[start..<i])
                        fingerprint = (fingerprint ^ h) &* 0xff51_afd7_ed55_8ccd
                        if let hit = table.lookup(h) { scores[Int(hit.label)] += hit.weight }
                        start = -1
                    }
                }
            }
            fingerprint = (fingerprint ^ UInt64(text.count)) &* 0xc4ce_b9fe_1a85_ec53
        }

        func result(id: IssueID) -> IssueResult {
            var best = 0
            for i in 1..<scores.count where scores[i] > scores[best] { best = i }
            // No keyword at all: the issue needs a human.
            let label = scores[best] == 0 ? Label.triage : Label(rawValue: UInt8(best))!
            let total = scores.reduce(0, +)
            return IssueResult(id: id, label: label, score: total, fingerprint: fingerprint)
        }
    }
}
