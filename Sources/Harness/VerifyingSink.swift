import Contract
import Measurement
import Simulation
import Synchronization

/// The harness's result sink: records which issues arrived (`SettlingBytes`: memory for the
/// issues in flight only), what arrived (`ResultSketch`: 48 KiB at any count) and the latency of
/// each (`LatencyHistogram`: from when the API saw work on the issue begin to the delivery). The
/// harness's memory during a run is thus the same at a thousand issues as at a million, and the
/// engine's peak RSS is the engine's. Comparing results with the corpus happens after the run
/// (`Verifier`), so the engine's timing carries little of that cost: a delivery hashes its result
/// outside any lock and takes the sink's lock for a few updates; every `claimBatch`-th one then
/// dates the batch's issues under the API's lock (`APILedger.claimStarts`), not the sink's.
final class VerifyingSink: ResultSink {
    /// Noncopyable, as `seen` is: `snapshot` copies it explicitly.
    struct State: ~Copyable {
        /// 1 for each issue delivered, indexed by `id − 1`.
        var seen: SettlingBytes
        var results = ResultSketch()
        var delivered = 0
        var duplicates: [IssueID] = []
        var duplicateCount = 0
        var outOfRange: [IssueID] = []
        var latency = LatencyHistogram()
        var undated = Batch()
        var compressedRawBytes = 0
        var compressedBytes = 0

        func wasDelivered(_ id: IssueID) -> Bool {
            seen[id - 1] != 0
        }

        /// An independent copy.
        func copy() -> State {
            State(seen: seen.copy(), results: results, delivered: delivered, duplicates: duplicates,
                  duplicateCount: duplicateCount, outOfRange: outOfRange, latency: latency, undated: undated,
                  compressedRawBytes: compressedRawBytes, compressedBytes: compressedBytes)
        }
    }

    /// First deliveries not dated yet: their issues, and when each came. Inline, so that filling
    /// and emptying it allocates nothing and checks no array's uniqueness.
    struct Batch {
        /// `claimBatch` of each (a generic size must be written as a literal).
        var ids = InlineArray<32, IssueID>(repeating: 0)
        var at = InlineArray<32, Moment>(repeating: .origin)
        var count = 0
    }

    /// First deliveries dated at once. Batches keep the API's lock, which every request takes,
    /// for a thirty-second of the deliveries; small ones keep it for well under a microsecond,
    /// and keep what waits to be dated small. An issue that an engine (wrongly) reads for the
    /// first time after delivering it, but before its batch is dated, is dated by that read, as
    /// when every issue was dated after the run: its latency counts as 0.
    static let claimBatch = InlineArray<32, IssueID>.count

    private let issueCount: Int
    private let clock: any HarnessClock
    private let ledger: APILedger
    private let state: Mutex<State>

    init(issueCount: Int, clock: any HarnessClock, api: SimulatedGitHub) {
        self.issueCount = issueCount
        self.clock = clock
        ledger = api.ledger()
        state = Mutex(State(seen: SettlingBytes(count: issueCount)))
    }

    /// What a result must equal: label, score and fingerprint folded into one word.
    static func digest(_ r: IssueResult) -> UInt64 {
        r.fingerprint ^ (UInt64(r.label.rawValue) << 56) ^ UInt64(UInt32(bitPattern: r.score))
    }

    func deliver(_ result: IssueResult) {
        let now = clock.now()
        let id = result.id
        let entry = ResultSketch.Entry(id: id, digest: Self.digest(result))
        // A full batch is copied out of the lock into `full`, uninitialised stack memory: returned
        // from the lock, an optional batch cost a copy of its 520 bytes on every delivery.
        withUnsafeTemporaryAllocation(of: Batch.self, capacity: 1) { full in
            let isFull = state.withLock { s -> Bool in
                s.delivered += 1
                guard id >= 1, id <= issueCount else {
                    if s.outOfRange.count < 5 { s.outOfRange.append(id) }
                    return false
                }
                guard s.seen.insert(bits: 1, at: id - 1) == 0 else {
                    s.duplicateCount += 1
                    if s.duplicates.count < 5 { s.duplicates.append(id) }
                    return false
                }
                s.results.insert(entry)
                s.undated.ids[s.undated.count] = id
                s.undated.at[s.undated.count] = now
                s.undated.count += 1
                guard s.undated.count == Self.claimBatch else { return false }
                full.initializeElement(at: 0, to: s.undated)
                s.undated.count = 0
                return true
            }
            if isFull { date(full[0]) }
        }
    }

    func noteCompression(rawBytes: Int, compressedBytes: Int) {
        state.withLock { s in
            s.compressedRawBytes += rawBytes
            s.compressedBytes += compressedBytes
        }
    }

    /// The state so far, every delivery's latency recorded: after the run, what verification and
    /// the record read.
    func snapshot() -> State {
        date(state.withLock { s in
            defer { s.undated.count = 0 }
            return s.undated
        })
        return state.withLock { $0.copy() }
    }

    /// Records the latency of `batch`'s deliveries, from their issues' starts: claimed under the
    /// API's lock, recorded under the sink's, never both at once, and all at once
    /// (`LatencyHistogram.record(_:)` of a buffer).
    private func date(_ batch: Batch) {
        guard batch.count > 0 else { return }
        let count = batch.count
        withUnsafeTemporaryAllocation(of: Moment?.self, capacity: count) { starts in
            batch.ids.span.withUnsafeBufferPointer { ids in
                ledger.claimStarts(UnsafeBufferPointer(rebasing: ids[..<count]), into: starts)
            }
            withUnsafeTemporaryAllocation(of: Int64.self, capacity: count) { latencies in
                var dated = 0
                batch.at.span.withUnsafeBufferPointer { at in
                    for index in 0..<count {
                        guard let started = starts[index] else { continue }
                        latencies.initializeElement(at: dated, to: max(0, (at[index] - started).nanoseconds))
                        dated += 1
                    }
                }
                state.withLock { $0.latency.record(UnsafeBufferPointer(rebasing: latencies[..<dated])) }
            }
        }
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
