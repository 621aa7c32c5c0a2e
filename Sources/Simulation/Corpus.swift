import Contract
import Scenario

/// The issues of a simulated repository: a pure function of (seed, issue id), generated on demand
/// and never stored whole, so a ten-million-issue trial costs no memory for its text and the
/// harness can recompute any issue to check a result.
///
/// Every quantity has its own stream keyed by `StreamTag` (body length, comment count, topic,
/// text), so `commentCount` costs one draw and does not generate text, and an issue's text does not
/// change when the comment distribution does.
public struct Corpus: Sendable {
    public let seed: UInt64
    /// Body length in bytes.
    public let bodyBytes: Distribution
    /// Comments per issue, rounded to a whole number, never below 0 (nor above `maxTextBytes`).
    public let commentsPerIssue: Distribution
    /// Comment length in bytes.
    public let commentBytes: Distribution
    private let vocabulary = Vocabulary.english
    /// Read here so that the pool is built when the corpus is made, before a trial is measured.
    private let clauses = ClausePool.english

    /// Longest title: titles are 3 to 10 words, cut at a word boundary if ever longer.
    static let maxTitleBytes = 128
    /// Longest text a sample may ask for (64 MiB). `Int(Double)` traps beyond `Int`, and a heavy
    /// tail (an exponential with a large mean) must not ask for more memory than a machine has.
    static let maxTextBytes = 1 << 26

    /// `SeededRandom.mix(seed, tag)` for each corpus `StreamTag`, by raw value: the first two
    /// steps of every stream's key, taken once instead of per issue.
    private let tagKeys: InlineArray<8, UInt64>

    public init(seed: UInt64, issues: IssueSpec) {
        self.seed = seed
        tagKeys = InlineArray { SeededRandom.mix(seed, UInt64($0)) }
        bodyBytes = issues.bodyBytes
        commentsPerIssue = issues.commentsPerIssue
        commentBytes = issues.commentBytes
    }

    /// Issue `id` with its title and body, as `GET /issues/N` returns it.
    public func issue(_ id: IssueID) -> Issue {
        var text = stream(.issueText, id)
        let topic = topic(of: id)
        let titleWords = 3 + text.next(below: 8)
        let title = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maxTitleBytes) { scratch in
            let count = write(into: scratch, topic: topic) { $0.title(words: titleWords, using: &text) }
            return Array(UnsafeBufferPointer(rebasing: scratch[..<count]))
        }
        let body = prose(bytes: bodyByteCount(id), topic: topic, random: &text)
        return Issue(id: id, title: title, body: body, commentCount: commentCount(id))
    }

    /// Issue `id`'s comments, as `GET /issues/N/comments` returns them.
    public func comments(_ id: IssueID) -> [Comment] {
        let topic = topic(of: id)
        let count = commentCount(id)
        var comments: [Comment] = []
        comments.reserveCapacity(count)
        for index in 0..<count {
            var length = stream(.commentLength, id, index)
            var text = stream(.commentText, id, index)
            comments.append(Comment(body: prose(bytes: Self.wholeNumber(commentBytes.sample(using: &length)),
                                                topic: topic, random: &text)))
        }
        return comments
    }

    /// How many comments issue `id` has, without generating them.
    public func commentCount(_ id: IssueID) -> Int {
        var random = stream(.commentCount, id)
        return Self.wholeNumber(commentsPerIssue.sample(using: &random))
    }

    /// Issue `id`'s body length in bytes, without generating it.
    public func bodyByteCount(_ id: IssueID) -> Int {
        var random = stream(.bodyLength, id)
        return Self.wholeNumber(bodyBytes.sample(using: &random))
    }

    // MARK: - Generation

    /// A stream private to one quantity of one issue (or one comment): that of
    /// `SeededRandom.mix(seed, tag, id[, index])`, its key finished from `tagKeys`.
    private func stream(_ tag: StreamTag, _ id: IssueID, _ index: Int? = nil) -> SeededRandom {
        let key = SeededRandom.finalize(tagKeys[Int(tag.rawValue)] ^ UInt64(bitPattern: Int64(id)))
        guard let index else { return SeededRandom(seed: key) }
        return SeededRandom(seed: SeededRandom.finalize(key ^ UInt64(index)))
    }

    /// Issue `id`'s topic, an index into `Vocabulary.topics`: one of `Label`'s, or `.triage`'s
    /// (no topic words).
    private func topic(of id: IssueID) -> Int {
        var random = stream(.topic, id)
        return random.next(below: vocabulary.topics.count)
    }

    /// Exactly `bytes` bytes of prose: clauses from the pool, padded with words.
    private func prose(bytes: Int, topic: Int, random: inout SeededRandom) -> [UInt8] {
        [UInt8](writing: bytes) { out in
            let written = clauses.write(into: out, topic: topic, using: &random)
            let filled = write(into: out, topic: topic) { $0.fill(after: written, using: &random) }
            precondition(filled == bytes, "prose of \(filled) bytes instead of \(bytes)")
        }
    }

    /// Runs `body` with a writer into `out`; returns the bytes written.
    private func write(into out: UnsafeMutableBufferPointer<UInt8>, topic: Int,
                       _ body: (inout TextWriter) -> Void) -> Int {
        var writer = TextWriter(into: out, vocabulary: vocabulary, topic: vocabulary.topics[topic])
        body(&writer)
        return writer.count
    }

    /// A sampled length or count as a whole number: rounded (half up), at least 0, at most
    /// `maxTextBytes`. Adding ½ and truncating rounds as `rounded()` does for what is not
    /// negative, without its libm call (x86-64's baseline has no rounding instruction).
    private static func wholeNumber(_ sample: Double) -> Int {
        Int(min(max(sample + 0.5, 0), Double(maxTextBytes)))
    }
}
