import Contract

extension Phase3 {
    /// One worker: takes work from the stream until it is done.
    static func work(as worker: Int, stream: IssueStream, pacer: RateLimitPacer,
                     sender: inout RequestSender<IntegratedGovernor>) async throws {
        let job = sender.job
        // Taken out once: through `job`, every delivery copied the existential (a retain and a release).
        let sink = job.sink
        var finished = IssueStream.Finished.nothing
        while let work = try await stream.next(worker: worker, after: finished) {
            switch work {
            case let .fetch(number, reservation):
                // A page listed on a guess and failing is not retried once the first page says it does not exist.
                let page = try await sender.fetchPage(number, abandoningWhen: { stream.isPastTheEnd(number) })
                stream.pageArrived(number: number, page: page,
                                   stored: page.flatMap { $0.issues.isEmpty ? nil : .raw($0.issues) },
                                   reservation: reservation)
                if number == 1, let page { pacer.expect(expectedRequests(after: page, stream: stream, work: job.work)) }
                finished = .other
            case .unpack(let block):
                try thaw(block, into: stream)
                finished = .other
            case .issues(let chunk):
                let start = job.clock.now()
                if stream.settings.batchSize > 0 {
                    for bundle in try await sender.readBatch(chunk) { sink.deliver(try await sender.complete(bundle)) }
                } else {
                    for index in chunk.indices {
                        sink.deliver(try await sender.complete(try await sender.read(chunk[index].id) { chunk[index] }))
                    }
                }
                finished = .issues(count: chunk.count, elapsed: job.clock.now() - start)
            }
        }
    }

    /// The compactor: compresses waiting pages and thaws the next in line (see `IssueStream`)
    /// until no page will need it.
    static func compact(stream: IssueStream, sink: any ResultSink) async throws {
        while let compaction = try await stream.nextCompaction() {
            switch compaction {
            case .thaw(let block):
                try thaw(block, into: stream)
            case .compress(let page):
                guard case .raw(let issues) = page.element else { continue }
                let encoded = PageCodec.encode(issues)
                let block = Compressor.compress(encoded)
                if stream.compacted(page.id, as: block) {
                    sink.noteCompression(rawBytes: encoded.count, compressedBytes: block.bytes.count)
                }
            }
        }
    }

    /// Inflates and decodes a compressed page, and hands its issues to the stream.
    static func thaw(_ block: Compressor.Block, into stream: IssueStream) throws {
        stream.unpacked(try PageCodec.decode(try Compressor.decompress(block)))
    }

    /// Requests the run still needs once the first page is in, for the rate-limit pacer.
    static func expectedRequests(after first: IssuePage, stream: IssueStream, work: WorkPlan) -> Int {
        let issues = stream.expectedIssues ?? first.issues.count
        let batch = stream.settings.batchSize
        let reads = batch > 0 ? (issues + batch - 1) / batch
            : issues * ((work.readIssue ? 1 : 0) + (work.readComments ? 1 : 0))
        let writes = issues * ((work.writeLabel ? 1 : 0) + (work.writeComment ? 1 : 0))
        return max(0, first.lastPage - 1) + reads + writes
    }
}
