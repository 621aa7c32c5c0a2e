import Contract
@testable import Engines
import Testing

/// The compactor thaws a compressed page before the workers reach it, so that none of them stalls
/// the stream inflating it (one who gets there first still does).
@Suite struct IssueStreamThawTests {
    /// One connection, two pages of two issues: page 1 held raw, page 2 compressed.
    private static func stream() -> (state: IssueStream.State, block: Compressor.Block) {
        var state = IssueStream.State(settings: IssueStream.Settings(
            minConnections: 1, maxConnections: 1, window: 8, bufferBytes: 1 << 20, prefetchPages: 2,
            speculativePages: 0, pageSize: 2, batchSize: 0))
        let issues = (1...4).map { Contract.Issue(id: $0, title: Array("issue \($0)".utf8), body: [], commentCount: 0) }
        let block = Compressor.compress(PageCodec.encode(Array(issues[2...])))
        for (number, stored) in [(1, StoredPage.raw(Array(issues[..<2]))), (2, .compressed(block))] {
            guard case .work(.fetch(number, let reservation), _)? = state.step(worker: 0) else {
                Testing.Issue.record("expected a fetch of page \(number)")
                continue
            }
            state.settle(.other)
            state.pageArrived(number: number, page: IssuePage(page: number, lastPage: 2, issues: []),
                              stored: stored, reservation: reservation)
        }
        return (state, block)
    }

    @Test func startingThePageBeforeACompressedOneWakesTheCompactorToThawIt() {
        var (state, block) = Self.stream()
        #expect(state.compactionStep() == nil, "nothing to do while a raw page is next in line")
        guard case .work(.issues(let chunk), let wakeOthers)? = state.step(worker: 0) else {
            Testing.Issue.record("expected issues of page 1")
            return
        }
        #expect(chunk.map(\.id) == [1])
        #expect(wakeOthers)
        guard case .thaw(let thawed)? = state.compactionStep()?.compaction else {
            Testing.Issue.record("expected the compactor to thaw page 2")
            return
        }
        #expect(thawed == block)
        #expect(state.unpacking == 1 && state.buffer.isEmpty)
    }

    @Test func aWorkerWhoReachesTheCompressedPageFirstInflatesItItself() {
        var (state, block) = Self.stream()
        for id in [1, 2] {
            guard case .work(.issues(let chunk), _)? = state.step(worker: 0) else {
                Testing.Issue.record("expected issue \(id)")
                return
            }
            #expect(chunk.map(\.id) == [id])
            state.settle(.other)
        }
        guard case .work(.unpack(let unpacking), _)? = state.step(worker: 0) else {
            Testing.Issue.record("expected the worker to unpack page 2")
            return
        }
        #expect(unpacking == block)
        let step = state.compactionStep()
        #expect(step != nil && step?.compaction == nil, "no page is to come and none is compressed: the compactor stops")
    }
}
