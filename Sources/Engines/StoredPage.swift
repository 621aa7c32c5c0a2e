import Contract

/// A listing page waiting in phase3's buffer: as fetched, or encoded and compressed.
enum StoredPage: Sendable {
    case raw([Issue])
    case compressed(Compressor.Block)

    /// Bytes it holds: the text plus each issue's own storage, or the compressed bytes.
    var byteCount: Int {
        switch self {
        case .raw(let issues):
            return issues.reduce(0) { $0 + $1.byteCount } + issues.count * MemoryLayout<Issue>.stride
        case .compressed(let block): return block.bytes.count
        }
    }
}
