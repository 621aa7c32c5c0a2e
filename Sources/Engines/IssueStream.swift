import Contract
import Synchronization

/// What phase3's workers share: the page stream, its byte-bounded buffer and the size of the
/// connection pool. Each worker owns one connection and asks `next` for its next piece of work.
///
/// Work is handed out under one lock, in chunks, so the cost per issue is a fraction of a lock:
/// - **Fetch a page** when fewer pages are buffered or on their way than the lookahead and the
///   buffer has room — the producer's role, taken by whichever connection is free, so listing
///   keeps connections busy too, and a full buffer stops it (back-pressure) until consumers drain.
///   While the first page is out, nobody knows how many there are, and every other connection
///   would idle for a whole round trip: pages 2... are listed on a guess meanwhile
///   (`speculativePages`, at most one per other connection); any past the end come back empty,
///   costing a request each but no time.
/// - **Take a chunk of issues** from the page being consumed. A chunk is sized to take about
///   `targetChunk` by the time an issue took so far (one issue at a time while issues wait on
///   latency, up to `maxChunk` when they are pure CPU), and never more than a share of what is
///   left (guided self-scheduling) so the workers finish together; with batching, one batch.
/// - **Unpack** a compressed page, outside the lock.
///
/// Pages join the buffer raw. A compactor task beside the workers compresses the newest raw page
/// that has a full buffer's worth of pages ahead of it, so it will wait long; a page taken soon
/// stays raw, since deflating costs about as much CPU per byte as analysing. Compressing on the
/// side rather than in the worker that fetched the page keeps deflate off the requests' path: on
/// latency-bound-wall, deflating in the fetching worker held up the next requests of the workers
/// that listed pages, and phase3 reached 91.5 % of the bound instead of 96 %. For the same reason
/// the compactor also thaws a compressed page as soon as it is next in line, so that workers find
/// it decoded (one who gets there first inflates it itself): there, 97.8–98.1 % of the bound in
/// four runs, against 96.4–97.1 % when the workers inflated every page, p99 latency 11 ms instead
/// of 12. The price: raw pages wait whole until the compactor reaches them, so the peak holds more
/// of them (phase3 saved 40.7 % of phase1's memory on seed-phase-comparison instead of 51.7 %),
/// and a page a worker takes while it is being compressed stays raw, its deflate wasted.
///
/// The pool grows one connection at a time (AIMD slow start) whenever a worker takes work while
/// more is queued (issues, or guessed pages) and every active connection is busy, and halves on a
/// secondary-limit rejection. Workers beyond the current size wait until it grows again, their
/// connections idle.
final class IssueStream: Sendable {
    struct Settings: Sendable {
        var minConnections: Int
        var maxConnections: Int
        /// Growth signals per extra connection after the first secondary-limit rejection.
        var window: Int
        var bufferBytes: Int
        var prefetchPages: Int
        /// Pages listed alongside the first before it says how many there are.
        var speculativePages: Int
        /// Issues per listing page, as the API says.
        var pageSize: Int
        /// Issues per `.batchGet`; 0: read issues one by one.
        var batchSize: Int
    }

    enum Work: Sendable {
        /// List this page; `reservation` is the buffer room held for it.
        case fetch(page: Int, reservation: Int)
        /// Inflate and decode this page, then hand it back through `unpacked`.
        case unpack(Compressor.Block)
        case issues(ArraySlice<Issue>)
    }

    /// What a worker did since its last call of `next`.
    enum Finished: Sendable {
        case nothing
        case other
        case issues(count: Int, elapsed: Span)
    }

    static let maxChunk = 64
    static let targetChunk = Span.microseconds(20)

    let settings: Settings
    private let monitor: AsyncMonitor<State>
    /// The pool controller's epoch, readable without the lock on every request.
    private let epochMirror = Atomic<Int>(0)

    init(settings: Settings) {
        self.settings = settings
        monitor = AsyncMonitor(State(settings: settings))
    }

    /// The next piece of work for `worker`, waiting while there is none yet; `nil` when the stream
    /// is done.
    func next(worker: Int, after finished: Finished) async throws -> Work? {
        var pending = finished
        let step = try await monitor.wait { state -> State.Step? in
            state.settle(pending)
            pending = .nothing
            return state.step(worker: worker)
        }
        switch step {
        case .finished:
            return nil
        case let .work(work, wakeOthers):
            if wakeOthers { monitor.wakeAll() }
            return work
        }
    }

    /// The compactor's next step, waiting while there is none; `nil` once no page will need it
    /// (see `State.compactionStep`).
    func nextCompaction() async throws -> Compaction? {
        let step = try await monitor.wait { state -> CompactionStep? in state.compactionStep() }
        return step.compaction
    }

    /// Page `id` compressed as `block`: it takes the raw page's place in line, unless a worker took
    /// the page meanwhile; false then.
    func compacted(_ id: ByteBoundedBuffer<StoredPage>.ID, as block: Compressor.Block) -> Bool {
        monitor.update { $0.buffer.replace(id, with: .compressed(block), bytes: block.bytes.count) }
    }

    /// Page `number` came back as `page`, held as `stored` (`nil` when empty), or was abandoned
    /// (`page` is `nil`: listed on a guess, and past the end).
    func pageArrived(number: Int, page: IssuePage?, stored: StoredPage?, reservation: Int) {
        monitor.update { $0.pageArrived(number: number, page: page, stored: stored, reservation: reservation) }
    }

    /// Whether the first page said that page `number` does not exist.
    func isPastTheEnd(_ number: Int) -> Bool {
        monitor.withLock { state in state.lastPage.map { number > $0 } ?? false }
    }

    /// A page from `.unpack` is decoded.
    func unpacked(_ issues: [Issue]) {
        monitor.update { state in
            state.unpacking -= 1
            if !issues.isEmpty { state.ready.append(issues) }
        }
    }

    var epoch: Int { epochMirror.load(ordering: .relaxed) }

    /// A secondary-limit rejection of a request sent during `epoch`: the pool shrinks.
    func congestion(epoch: Int) {
        monitor.withLock { state in
            _ = state.pool.recordCongestion(epoch: epoch)
            epochMirror.store(state.pool.epoch, ordering: .relaxed)
        }
    }

    /// Issues the stream expects in all, once the first page said how many pages there are.
    var expectedIssues: Int? { monitor.withLock { $0.expectedIssues } }
}

extension IssueStream {
    /// What the compactor does next.
    enum Compaction: Sendable {
        /// Compress this page, and hand it back through `compacted`.
        case compress(ByteBoundedBuffer<StoredPage>.Held)
        /// Inflate and decode the page next in line, and hand it back through `unpacked`.
        case thaw(Compressor.Block)
    }

    /// A compaction, or none ever again when `compaction` is `nil`.
    struct CompactionStep: Sendable {
        var compaction: Compaction?
    }
}
