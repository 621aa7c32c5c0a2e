import Contract

/// A listing page waiting in phase3's buffer: as fetched, or encoded and compressed.
enum StoredPage: Sendable {
    case raw([Issue])
    case compressed(Compressor.Block)

    /// Bytes a page of `issues` holds as fetched: the text plus each issue's own storage.
    static func rawByteCount(_ issues: [Issue]) -> Int {
        issues.reduce(0) { $0 + $1.byteCount } + issues.count * MemoryLayout<Issue>.stride
    }

    /// Bytes it holds as stored.
    var byteCount: Int {
        switch self {
        case .raw(let issues): return Self.rawByteCount(issues)
        case .compressed(let block): return block.bytes.count
        }
    }
}
