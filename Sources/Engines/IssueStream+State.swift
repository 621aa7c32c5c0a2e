import Contract

extension IssueStream {
    /// Everything behind the stream's lock, and the decisions taken under it.
    struct State: Sendable {
        let settings: Settings
        var pool: AIMDController
        /// Workers holding work.
        var busy = 0
        var lastPage: Int?
        var nextPage = 1
        var pagesInFlight = 0
        var buffer: ByteBoundedBuffer<StoredPage>
        /// Unpacked pages waiting to be consumed.
        var ready: [[Issue]] = []
        var unpacking = 0
        /// A worker's step left a compressed page next in line: the compactor, waiting, must hear
        /// of it to thaw the page (`compactionStep`).
        var thawDue = false
        /// The rest of the page being consumed.
        var current: ArraySlice<Issue> = []
        var pageBytesEstimate = 0
        var expectedIssues: Int?
        var handedOut = 0
        /// Running average of the time an issue takes; `nil` before the first chunk is done.
        var nanosPerIssue: Int64?

        init(settings: Settings) {
            self.settings = settings
            pool = AIMDController(minimum: settings.minConnections, maximum: settings.maxConnections,
                                  window: settings.window, slowStart: true)
            buffer = ByteBoundedBuffer(capacity: settings.bufferBytes)
        }

        enum Step: Sendable {
            /// `wakeOthers`: this step may let waiting workers go (the pool grew, or the stream
            /// ran out of work and they must stop).
            case work(Work, wakeOthers: Bool)
            case finished
        }

        var isFinished: Bool {
            guard let lastPage, nextPage > lastPage else { return false }
            return pagesInFlight == 0 && unpacking == 0 && buffer.isEmpty && ready.isEmpty && current.isEmpty
        }

        /// Books what a worker finished.
        mutating func settle(_ finished: Finished) {
            switch finished {
            case .nothing:
                return
            case .other:
                busy -= 1
            case let .issues(count, elapsed):
                busy -= 1
                let sample = elapsed.nanoseconds / Int64(max(1, count))
                nanosPerIssue = nanosPerIssue.map { ($0 * 7 + sample) / 8 } ?? sample
            }
        }

        /// The next step for `worker`; `nil` to wait.
        mutating func step(worker: Int) -> Step? {
            if isFinished { return .finished }
            guard worker < pool.limit, let work = nextWork() else { return nil }
            busy += 1
            let queued = !current.isEmpty || !ready.isEmpty || !buffer.isEmpty || canSpeculate
            let grew = queued && busy >= pool.limit && pool.recordGrowthSignal()
            defer { thawDue = false }
            return .work(work, wakeOthers: grew || isFinished || thawDue)
        }

        /// A page past the end (listed on a guess) comes back empty, as GitHub answers one.
        mutating func pageArrived(number: Int, page: IssuePage?, stored: StoredPage?, reservation: Int) {
            pagesInFlight -= 1
            if number == 1, let page {
                lastPage = page.lastPage
                expectedIssues = page.lastPage <= 1 ? page.issues.count
                    : page.lastPage * max(page.issues.count, settings.pageSize)
            }
            guard let stored else { return buffer.cancel(reservation: reservation) }
            let bytes = stored.byteCount
            buffer.push(stored, bytes: bytes, reservation: reservation)
            pageBytesEstimate = pageBytesEstimate == 0 ? bytes : (pageBytesEstimate * 3 + bytes) / 4
        }

        private mutating func nextWork() -> Work? {
            if let fetch = startFetch() { return fetch }
            if current.isEmpty {
                if !ready.isEmpty {
                    current = ready.removeFirst()[...]
                } else if let stored = buffer.pop() {
                    switch stored {
                    case .raw(let issues):
                        current = issues[...]
                    case .compressed(let block):
                        unpacking += 1
                        return .unpack(block)
                    }
                } else {
                    return nil
                }
                // A new page is being consumed: the compactor can thaw the next, if compressed.
                if ready.isEmpty, unpacking == 0, case .compressed? = buffer.first { thawDue = true }
            }
            return .issues(takeChunk())
        }

        /// Pages buffered or on their way that keep every connection fed while the next is fetched.
        private var lookahead: Int {
            max(settings.prefetchPages, (2 * pool.limit + settings.pageSize - 1) / max(1, settings.pageSize))
        }

        /// Until the first page says how many there are, pages up to this one are listed on a guess.
        private var lastSpeculativePage: Int { 1 + min(settings.speculativePages, settings.maxConnections - 1) }

        /// A page could be listed now: the guessed pages before the first answer, or pages left after it.
        private var canSpeculate: Bool { lastPage == nil && nextPage <= lastSpeculativePage }

        private mutating func startFetch() -> Work? {
            if let lastPage {
                guard nextPage <= lastPage, buffer.count + ready.count + unpacking + pagesInFlight < lookahead
                else { return nil }
            } else {
                guard canSpeculate else { return nil }
            }
            guard buffer.reserve(pageBytesEstimate) else { return nil }
            defer {
                nextPage += 1
                pagesInFlight += 1
            }
            return .fetch(page: nextPage, reservation: pageBytesEstimate)
        }

        /// The compactor's next step: thaw the page next in line when it is compressed and no
        /// decoded page waits; else compress the newest raw page with at least a full buffer's
        /// bytes ahead of it; stop when no page is still to come and none is compressed (pages
        /// ahead of one only ever leave); `nil` to wait.
        mutating func compactionStep() -> CompactionStep? {
            if ready.isEmpty, unpacking == 0, case .compressed(let block)? = buffer.first {
                _ = buffer.pop()
                unpacking += 1
                return CompactionStep(compaction: .thaw(block))
            }
            let threshold = max(1, settings.bufferBytes)
            let page = buffer.newest { stored, ahead in
                if case .raw = stored { return ahead >= threshold }
                return false
            }
            if let page { return CompactionStep(compaction: .compress(page)) }
            let listingDone = lastPage.map { nextPage > $0 } ?? false
            let compressedLeft = buffer.newest { stored, _ in
                if case .compressed = stored { return true }
                return false
            } != nil
            return listingDone && pagesInFlight == 0 && !compressedLeft ? CompactionStep(compaction: nil) : nil
        }

        private mutating func takeChunk() -> ArraySlice<Issue> {
            let size = min(current.count, chunkSize)
            let chunk = current.prefix(size)
            current = current.count == size ? [] : current.dropFirst(size)
            handedOut += size
            return chunk
        }

        private var chunkSize: Int {
            let remaining = max(1, (expectedIssues ?? handedOut + current.count) - handedOut)
            // A batch costs one request whatever it holds: full batches, unless too few issues are
            // left to give every connection one.
            if settings.batchSize > 0 { return min(settings.batchSize, max(1, remaining / pool.limit)) }
            let guided = max(1, remaining / (2 * pool.limit))
            guard let nanos = nanosPerIssue else { return 1 }
            let timed = nanos <= 0 ? Int64(IssueStream.maxChunk)
                : min(Int64(IssueStream.maxChunk), max(1, IssueStream.targetChunk.nanoseconds / nanos))
            return min(Int(timed), guided)
        }
    }
}
