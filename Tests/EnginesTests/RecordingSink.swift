import Contract
import Synchronization

/// A sink that keeps every delivery in order, and the compression an engine reported.
final class RecordingSink: ResultSink {
    private let deliveries = Mutex<[IssueResult]>([])
    private let compression = Mutex((raw: 0, compressed: 0))

    func deliver(_ result: IssueResult) {
        deliveries.withLock { $0.append(result) }
    }

    func noteCompression(rawBytes: Int, compressedBytes: Int) {
        compression.withLock { $0 = ($0.raw + rawBytes, $0.compressed + compressedBytes) }
    }

    var delivered: [IssueResult] { deliveries.withLock { $0 } }
    var compressed: (raw: Int, compressed: Int) { compression.withLock { $0 } }
}
