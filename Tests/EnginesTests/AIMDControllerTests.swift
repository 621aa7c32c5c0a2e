@testable import Engines
import Testing

@Suite struct AIMDControllerTests {
    @Test func growsByOnePerWindowOfSuccessesUpToTheMaximum() {
        var aimd = AIMDController(minimum: 2, maximum: 4, window: 3, slowStart: false)
        var grew: [Bool] = []
        for _ in 0..<9 { grew.append(aimd.recordGrowthSignal()) }
        #expect(grew == [false, false, true, false, false, true, false, false, false])
        #expect(aimd.limit == 4)
    }

    @Test func halvesOnCongestionButNotBelowTheMinimum() {
        var aimd = AIMDController(minimum: 3, maximum: 16, window: 1, slowStart: true)
        for _ in 0..<13 { _ = aimd.recordGrowthSignal() }
        #expect(aimd.limit == 16)
        let changes = (0..<4).map { epoch in
            let changed = aimd.recordCongestion(epoch: epoch)
            return (changed, aimd.limit)
        }
        #expect(changes.map(\.0) == [true, true, true, false])
        #expect(changes.map(\.1) == [8, 4, 3, 3])
    }

    @Test func congestionFromBeforeTheLastDecreaseIsIgnored() {
        var aimd = AIMDController(minimum: 1, maximum: 32, window: 1, slowStart: true)
        for _ in 0..<31 { _ = aimd.recordGrowthSignal() }
        let epoch = aimd.epoch
        let first = aimd.recordCongestion(epoch: epoch)
        let again = aimd.recordCongestion(epoch: epoch)
        #expect(first && !again)
        #expect(aimd.limit == 16)
    }

    @Test func slowStartGrowsEverySignalUntilTheFirstCongestionThenAdditively() {
        var aimd = AIMDController(minimum: 2, maximum: 64, window: 4, slowStart: true)
        let slowStart = (0..<6).map { _ in aimd.recordGrowthSignal() }
        #expect(slowStart == Array(repeating: true, count: 6))
        #expect(aimd.limit == 8)
        _ = aimd.recordCongestion(epoch: aimd.epoch)
        #expect(aimd.limit == 4)
        let grew = (0..<4).map { _ in aimd.recordGrowthSignal() }
        #expect(grew == [false, false, false, true])
        #expect(aimd.limit == 5)
    }

    @Test func minimumAboveMaximumIsLowered() {
        let aimd = AIMDController(minimum: 8, maximum: 4, window: 1, slowStart: false)
        #expect(aimd.minimum == 8 && aimd.maximum == 8 && aimd.limit == 8)
    }
}
