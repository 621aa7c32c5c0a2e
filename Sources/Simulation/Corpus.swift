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
    /// `bodyBytes` and `commentsPerIssue` as whole numbers when they are `.fixed` (as in most
    /// scenarios), worked out once: rounding and clamping a `Double` cost some 18 instructions
    /// for each of them per issue.
    private let fixedBodyBytes: Int?, fixedCommentCount: Int?

    public init(seed: UInt64, issues: IssueSpec) {
        self.seed = seed
        tagKeys = InlineArray { SeededRandom.mix(seed, UInt64($0)) }
        bodyBytes = issues.bodyBytes
        commentsPerIssue = issues.commentsPerIssue
        commentBytes = issues.commentBytes
        fixedBodyBytes = Self.fixedWholeNumber(bodyBytes)
        fixedCommentCount = Self.fixedWholeNumber(commentsPerIssue)
    }

    /// Issue `id` with its title and body, as `GET /issues/N` returns it.
    public func issue(_ id: IssueID) -> Issue {
        var issue = Issue(id: id, title: [], body: [], commentCount: 0)
        write(id, over: &issue)
        return issue
    }

    /// Issues `ids`, written over the issues of `page` (one the API listed before) into their
    /// storage where nobody else holds it: see `write(_:over:)`. If someone still holds the page
    /// itself, it is copied first and none of its storage is reused; the result is the same.
    func write(_ ids: ClosedRange<IssueID>, over page: inout [Issue]) {
        if page.count > ids.count { page.removeLast(page.count - ids.count) }
        page.withUnsafeMutableBufferPointer { issues in
            for index in issues.indices { write(ids.lowerBound + index, over: &issues[index]) }
        }
        page.reserveCapacity(ids.count)
        for id in ids.dropFirst(page.count) { page.append(issue(id)) }
    }

    /// Issue `id`, written over `issue`: its title and body go into the storage of `issue`'s
    /// when nobody else holds it (see `Array.overwrite(writing:margin:_:)`). Value semantics make
    /// that safe: a client that kept a copy of `issue` keeps its own storage and text.
    func write(_ id: IssueID, over issue: inout Issue) {
        var text = stream(.issueText, id)
        let topic = topic(of: id)
        let titleWords = 3 + text.next(below: 8)
        issue.id = id
        issue.title.overwrite(writing: Self.maxTitleBytes, margin: Vocabulary.longestWord) { out in
            var writer = writer(into: out, capacity: Self.maxTitleBytes, topic: topic)
            writer.title(words: titleWords, using: &text)
            return writer.count
        }
        let bytes = bodyByteCount(id)
        issue.body.overwrite(writing: bytes, margin: ClausePool.overhang) { out in
            prose(into: out, bytes: bytes, topic: topic, random: &text)
            return bytes
        }
        issue.commentCount = commentCount(id)
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
            let bytes = Self.wholeNumber(commentBytes.sample(using: &length))
            comments.append(Comment(body: [UInt8](writing: bytes, margin: ClausePool.overhang) { out in
                prose(into: out, bytes: bytes, topic: topic, random: &text)
                return bytes
            }))
        }
        return comments
    }

    /// How many comments issue `id` has, without generating them.
    ///
    /// Inlined, here and in `bodyByteCount` and `topic(of:)`, so that generating an issue pays no
    /// call for them.
    @inline(__always)
    public func commentCount(_ id: IssueID) -> Int {
        fixedCommentCount ?? sampledCount(commentsPerIssue, stream: .commentCount, of: id)
    }

    /// Issue `id`'s body length in bytes, without generating it.
    @inline(__always)
    public func bodyByteCount(_ id: IssueID) -> Int {
        fixedBodyBytes ?? sampledCount(bodyBytes, stream: .bodyLength, of: id)
    }

    // MARK: - Generation

    /// A sample of `distribution` from issue `id`'s stream `tag`, as a whole number. Not called
    /// for a `.fixed` distribution (see `fixedWholeNumber`), which draws nothing, so that its
    /// stream is not derived: two finalisers saved per issue and quantity.
    @inline(__always)
    private func sampledCount(_ distribution: Distribution, stream tag: StreamTag, of id: IssueID) -> Int {
        var random = stream(tag, id)
        return Self.wholeNumber(distribution.sample(using: &random))
    }

    /// The whole number every sample of `distribution` gives if it is `.fixed`, else nil.
    private static func fixedWholeNumber(_ distribution: Distribution) -> Int? {
        guard case .fixed(let value) = distribution else { return nil }
        return wholeNumber(value)
    }

    /// A stream private to one quantity of one issue (or one comment): that of
    /// `SeededRandom.mix(seed, tag, id[, index])`, its key finished from `tagKeys`.
    private func stream(_ tag: StreamTag, _ id: IssueID, _ index: Int? = nil) -> SeededRandom {
        let key = SeededRandom.finalize(tagKeys[Int(tag.rawValue)] ^ UInt64(bitPattern: Int64(id)))
        guard let index else { return SeededRandom(seed: key) }
        return SeededRandom(seed: SeededRandom.finalize(key ^ UInt64(index)))
    }

    /// Issue `id`'s topic, an index into `Vocabulary.topics`: one of `Label`'s, or `.triage`'s
    /// (no topic words).
    @inline(__always)
    private func topic(of id: IssueID) -> Int {
        var random = stream(.topic, id)
        return random.next(below: vocabulary.topics.count)
    }

    /// Writes exactly `bytes` bytes of prose at `out`: clauses from the pool, padded with words.
    /// `ClausePool.overhang` bytes past them must be writable (it is the larger of the writers'
    /// overhangs).
    private func prose(into out: UnsafeMutablePointer<UInt8>, bytes: Int, topic: Int, random: inout SeededRandom) {
        let written = clauses.write(into: out, capacity: bytes, topic: topic, using: &random)
        var writer = writer(into: out, capacity: bytes, topic: topic)
        writer.fill(after: written, using: &random)
        precondition(writer.count == bytes, "prose of \(writer.count) bytes instead of \(bytes)")
    }

    /// A writer of `capacity` bytes at `out`, about `topic`.
    private func writer(into out: UnsafeMutablePointer<UInt8>, capacity: Int, topic: Int) -> TextWriter {
        TextWriter(into: out, capacity: capacity, vocabulary: vocabulary, topic: vocabulary.topics[topic])
    }

    /// A sampled length or count as a whole number: rounded (half up), at least 0, at most
    /// `maxTextBytes`. Adding ½ and truncating rounds as `rounded()` does for what is not
    /// negative, without its libm call (x86-64's baseline has no rounding instruction).
    private static func wholeNumber(_ sample: Double) -> Int {
        Int(min(max(sample + 0.5, 0), Double(maxTextBytes)))
    }
}
