/// The second word of every derived random stream, `SeededRandom.mix(seed, tag, ...)`: one list,
/// so no two consumers can share a stream by accident and a stream's key is easy to find.
enum StreamTag: UInt64 {
    // Corpus: a pure function of (seed, issue id[, comment index]).
    /// An issue's body length.
    case bodyLength = 1
    /// An issue's comment count.
    case commentCount
    /// An issue's topic, shared by its text and its comments' text.
    case topic
    /// An issue's title and body text.
    case issueText
    /// A comment's length (key: issue id, comment index).
    case commentLength
    /// A comment's text (key: issue id, comment index).
    case commentText

    // API: a pure function of (seed, what is asked, how many times it got through before).
    /// A connection's set-up time (key: connection id).
    case connect = 100
    /// A request's latency and transient error, offset by its `RequestKind`
    /// (key: page, issue id or first batch id; attempt).
    case request
}
