import Contract
import Measurement
import Simulation
import Synchronization

/// The harness's result sink: records, per issue, whether it arrived, a digest of what arrived and
/// when (one bit and sixteen bytes per issue). Comparing with the corpus happens after the run
/// (`Verifier`), and so does the latency histogram (`snapshot`: each issue's delivery against
/// when the API saw work on it begin), so the engine's timing and memory carry none of that cost:
/// a delivery takes the sink's own lock once, and never the API's.
final class VerifyingSink: ResultSink {
    struct State {
        var seen: [UInt64]
        var digests: [UInt64]
        /// When each issue was first delivered, in nanoseconds on the trial's clock.
        var deliveredAt: [Int64]
        var delivered = 0
        var duplicates: [IssueID] = []
        var duplicateCount = 0
        var outOfRange: [IssueID] = []
        /// Filled by `snapshot`.
        var latency = LatencyHistogram()
        var compressedRawBytes = 0
        var compressedBytes = 0
    }

    private let issueCount: Int
    private let clock: any HarnessClock
    private let api: SimulatedGitHub
    private let state: Mutex<State>

    init(issueCount: Int, clock: any HarnessClock, api: SimulatedGitHub) {
        self.issueCount = issueCount
        self.clock = clock
        self.api = api
        // Filled with a non-zero pattern and back so the pages are resident before the peak-RSS
        // reset: the sink's memory is then part of the baseline, not of the engine's growth.
        var seen = [UInt64](repeating: .max, count: (issueCount + 64) / 64)
        var digests = [UInt64](repeating: .max, count: issueCount + 1)
        var deliveredAt = [Int64](repeating: .max, count: issueCount + 1)
        for i in seen.indices { seen[i] = 0 }
        for i in digests.indices { digests[i] = 0 }
        for i in deliveredAt.indices { deliveredAt[i] = 0 }
        state = Mutex(State(seen: seen, digests: digests, deliveredAt: deliveredAt))
    }

    /// What a result must equal: label, score and fingerprint folded into one word.
    static func digest(_ r: IssueResult) -> UInt64 {
        r.fingerprint ^ (UInt64(r.label.rawValue) << 56) ^ UInt64(UInt32(bitPattern: r.score))
    }

    func deliver(_ result: IssueResult) {
        let now = clock.now()
        let digest = Self.digest(result)
        state.withLock { s in
            s.delivered += 1
            let id = result.id
            guard id >= 1, id <= issueCount else {
                if s.outOfRange.count < 5 { s.outOfRange.append(id) }
                return
            }
            let (word, bit) = (id / 64, UInt64(1) << UInt64(id % 64))
            if s.seen[word] & bit != 0 {
                s.duplicateCount += 1
                if s.duplicates.count < 5 { s.duplicates.append(id) }
                return
            }
            s.seen[word] |= bit
            s.digests[id] = digest
            s.deliveredAt[id] = now.nanoseconds
        }
    }

    func noteCompression(rawBytes: Int, compressedBytes: Int) {
        state.withLock { s in
            s.compressedRawBytes += rawBytes
            s.compressedBytes += compressedBytes
        }
    }

    /// The state after the run, for verification and the record, with the latency of every issue
    /// delivered: from when work on it began (`APILedger.firstRequestAt`) to its delivery.
    func snapshot() -> State {
        var s = state.withLock { $0 }
        var latency = LatencyHistogram()
        api.ledger().forEachFirstRequest { id, started in
            guard let started, s.seen[id / 64] & (UInt64(1) << UInt64(id % 64)) != 0 else { return }
            latency.record(max(0, s.deliveredAt[id] - started.nanoseconds))
        }
        s.latency = latency
        return s
    }
}

extension LatencyHistogram {
    /// p50, p95, p99 and max in milliseconds (zeros when empty).
    var percentilesInMilliseconds: Percentiles {
        guard !isEmpty else { return .zero }
        return Percentiles(p50: Double(percentile(50)) / 1e6, p95: Double(percentile(95)) / 1e6,
                           p99: Double(percentile(99)) / 1e6, max: Double(max) / 1e6)
    }
}
